import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import './toast.css';

export interface ToastAction {
  label: string;
  run: () => void | Promise<void>;
}

export interface ToastOptions {
  message: string;
  action?: ToastAction;
  /** How long it stays; never less than 10 s when it offers an action (the rep must be able to reach Undo). */
  durationMs?: number;
}

interface Shown extends ToastOptions {
  id: number;
}

// One host per page: a polite live region at the end of <body>, made before anything is announced
// in it (a region inserted together with its text is often not read out). Toasts are kept here, not in
// the host: one shown before the host listens (its effect runs a frame after it mounts) is drawn as
// soon as it does, so a caller never has to mount the host first.
let shown: Shown[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(): void {
  for (const l of listeners) l();
}

/** Mounts the page's toast host, if not yet there (showToast does it on demand). */
function ensureToastHost(): void {
  if (typeof document === 'undefined' || document.getElementById('jalur-toasts')) return;
  const host = document.createElement('div');
  host.id = 'jalur-toasts';
  document.body.append(host);
  render(<ToastHost />, host);
}

/** Shows a toast; returns a function that takes it away early. */
export function showToast(opts: ToastOptions): () => void {
  ensureToastHost();
  const id = nextId++;
  shown = [...shown, { ...opts, id }];
  emit();
  return () => dismiss(id);
}

function dismiss(id: number): void {
  shown = shown.filter((s) => s.id !== id);
  emit();
}

export const MIN_ACTION_MS = 10_000;

function ToastHost() {
  const [, setTick] = useState(0);
  useEffect(() => {
    const l = () => setTick((n) => n + 1);
    listeners.add(l);
    // Whatever was shown between the first render and now.
    l();
    return () => void listeners.delete(l);
  }, []);
  return (
    <div class="toast-host" role="status" aria-live="polite">
      {shown.map((s) => (
        <Toast key={s.id} toast={s} onClose={() => dismiss(s.id)} />
      ))}
    </div>
  );
}

/**
 * One toast: its text, an optional action (e.g. Undo) and a close button. It stays while the pointer
 * is over it or focus is inside it, so nobody loses Undo while reaching for it.
 */
export function Toast({ toast, onClose }: { toast: ToastOptions; onClose: () => void }) {
  const wanted = toast.durationMs ?? (toast.action ? 12_000 : 6_000);
  const duration = toast.action ? Math.max(MIN_ACTION_MS, wanted) : wanted;
  const [held, setHeld] = useState({ hover: false, focus: false });
  const [busy, setBusy] = useState(false);
  const remaining = useRef(duration);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (held.hover || held.focus || busy) return;
    const started = Date.now();
    const timer = setTimeout(onClose, remaining.current);
    return () => {
      clearTimeout(timer);
      // Coming back from hover or focus leaves a few seconds at least.
      remaining.current = Math.max(4_000, remaining.current - (Date.now() - started));
    };
  }, [held.hover, held.focus, busy]);

  return (
    <div
      ref={root}
      class="toast"
      data-toast
      onMouseEnter={() => setHeld((h) => ({ ...h, hover: true }))}
      onMouseLeave={() => setHeld((h) => ({ ...h, hover: false }))}
      onFocusIn={() => setHeld((h) => ({ ...h, focus: true }))}
      onFocusOut={(e) => {
        if (!root.current?.contains(e.relatedTarget as Node | null)) setHeld((h) => ({ ...h, focus: false }));
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <span class="toast-text">{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          class="btn btn-sm toast-action"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await toast.action!.run();
            } finally {
              onClose();
            }
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" class="btn btn-ghost btn-sm toast-close" aria-label={t('toastDismiss')} onClick={onClose}>
        <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
          <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" stroke-width="1.8" fill="none" stroke-linecap="round" />
        </svg>
      </button>
    </div>
  );
}
