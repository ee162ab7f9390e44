import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { pageStore, readOpen, writeOpen } from './section-state';

/**
 * A section under a heading that opens and closes (disclosure pattern: the heading holds a button
 * with aria-expanded). Its state is remembered per `id` in localStorage, so a rep who folds Touches
 * away finds it folded on the next person too. Closed content stays in the page (hidden), so what
 * was typed in it is kept.
 */
export function Section({
  id,
  title,
  summary,
  defaultOpen = true,
  class: cls,
  children,
}: {
  /** Names the remembered state: one key per section, e.g. "person.touches". */
  id: string;
  title: string;
  /** A few words shown beside the title (e.g. "2 open"), most useful while closed. */
  summary?: string | null;
  defaultOpen?: boolean;
  class?: string;
  children: ComponentChildren;
}) {
  const [open, setOpen] = useState(() => readOpen(pageStore(), id, defaultOpen));
  const bodyId = useId();
  const toggle = () => {
    const next = !open;
    setOpen(next);
    writeOpen(pageStore(), id, next);
  };
  return (
    <section class={cls ? `section-ui ${cls}` : 'section-ui'} data-section={id} data-open={open}>
      <h3>
        <button type="button" class="section-toggle" aria-expanded={open} aria-controls={bodyId} onClick={toggle}>
          <svg class="chev" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round" />
          </svg>
          <span class="section-title">{title}</span>
          {summary ? <span class="section-summary">{summary}</span> : null}
        </button>
      </h3>
      <div id={bodyId} class="section-body" hidden={!open}>
        {children}
      </div>
    </section>
  );
}
