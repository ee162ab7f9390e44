import type { ComponentChildren } from 'preact';

/** A raised surface that groups one thing (a person's header, a panel of settings). */
export function Card({
  as: Tag = 'div',
  class: cls,
  label,
  children,
}: {
  as?: 'div' | 'section' | 'header' | 'article';
  class?: string;
  /** An accessible name, for a Card that is a landmark (section, article). */
  label?: string;
  children: ComponentChildren;
}) {
  return (
    <Tag class={cls ? `card-ui ${cls}` : 'card-ui'} aria-label={label}>
      {children}
    </Tag>
  );
}
