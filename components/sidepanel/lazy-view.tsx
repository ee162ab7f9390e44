// A view loaded on first use: the side panel's first script carries what opening it needs (the
// person, Today), and the board and insights arrive as their own chunks when shown — or a moment
// after the panel has painted, so switching to them later does not wait.
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { ErrorNote } from '../ui/ErrorNote';

export interface LazyView<P> {
  (props: P): JSX.Element | null;
  /** Start loading now (no-op once loading); settles when the view's code is in (or failed to load). */
  preload: () => Promise<void>;
}

export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const get = () =>
    (loading ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        loading = null; // let a later showing try again
        throw e;
      },
    ));
  function Lazy(props: P) {
    const [View, setView] = useState<ComponentType<P> | null>(() => loaded);
    const [error, setError] = useState<string | null>(null);
    useEffect(() => {
      if (View) return;
      let live = true;
      get().then(
        (c) => live && setView(() => c),
        (e: Error) => live && setError(e.message),
      );
      return () => void (live = false);
    }, []);
    if (error) return <ErrorNote error={error} />;
    return View ? <View {...props} /> : <p class="muted">{t('loading')}</p>;
  }
  Lazy.preload = () => get().then(
    () => undefined,
    () => undefined,
  );
  return Lazy;
}
