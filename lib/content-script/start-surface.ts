import { browser } from 'wxt/browser';
import { afterPageLoad, showOnLinkedInOnce } from './after-load';
import { showFromNotice } from './page-settings';

/** What of the content-script context (lib/content-script/context.ts at run time) a surface's start needs. */
type Ctx = Parameters<typeof afterPageLoad>[0] & {
  addEventListener(target: Window, type: 'wxt:locationchange', handler: () => void): void;
  onInvalidated(cb: () => void): void;
};

/** A LinkedIn surface's chip code, as its content script hands it over. */
export interface Surface {
  /** Read the page again and draw (coalesced by the surface). */
  schedule(): void;
  /** The store changed: ask the background again for what is drawn. */
  refresh(): void;
  /** "Show Jalur on LinkedIn pages" as last heard. */
  setShown(show: boolean): void;
  /** Start watching the page for LinkedIn's own redraws. */
  watch(): void;
  /** The extension went away (reloaded, updated): take everything out of the page. */
  stop(): void;
  /** A tab request only this surface answers (e.g. the profile's `extract`); undefined: not one. */
  answer?(msg: unknown): Promise<unknown> | undefined;
}

/**
 * How every LinkedIn chip script starts: nothing at injection (after-load.ts), then in-app navigation,
 * the background's notices (store changed, Show Jalur on LinkedIn pages changed), and the one shared
 * question whether to show anything at all before the first draw.
 */
export function startSurface(ctx: Ctx, surface: Surface): void {
  afterPageLoad(ctx, () => {
    ctx.addEventListener(window, 'wxt:locationchange', () => surface.schedule());

    browser.runtime.onMessage.addListener((msg: unknown) => {
      const reply = surface.answer?.(msg);
      if (reply) return reply;
      if ((msg as { type?: unknown } | undefined)?.type === 'changed') surface.refresh();
      const show = showFromNotice(msg);
      if (show !== null) {
        surface.setShown(show);
        surface.schedule();
      }
      return undefined;
    });

    ctx.onInvalidated(() => surface.stop());

    void showOnLinkedInOnce().then((show) => {
      surface.setShown(show);
      surface.watch();
      surface.schedule();
    });
  });
}
