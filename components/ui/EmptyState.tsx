import type { ComponentChildren } from 'preact';
import './empty-state.css';

/**
 * What an empty view says instead of nothing: what will appear here and how to get it there, with the
 * actions that do it (e.g. "Clip someone from LinkedIn or import your connections" + Import).
 */
export function EmptyState({ title, text, children, testId }: { title: string; text?: string; children?: ComponentChildren; testId?: string }) {
  return (
    <div class="empty-state" data-testid={testId ?? 'empty-state'}>
      <p class="empty-state-title">{title}</p>
      {text && <p class="empty-state-text">{text}</p>}
      {children && <div class="empty-state-actions">{children}</div>}
    </div>
  );
}
