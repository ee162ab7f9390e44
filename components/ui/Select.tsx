import { Field } from './Field';

export interface SelectOption {
  value: string;
  label: string;
}

/** A labelled select (through Field, so it can carry an inline error too). */
export function Select({
  label,
  value,
  options,
  onChange,
  inline,
  error,
  name,
  class: cls,
}: {
  label: string;
  value: string;
  options: ReadonlyArray<SelectOption>;
  onChange: (value: string) => void;
  inline?: boolean;
  error?: string | null;
  name?: string;
  class?: string;
}) {
  return (
    <Field label={label} inline={inline} error={error}>
      {(id, aria) => (
        <select id={id} name={name} class={cls} value={value} {...aria} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
