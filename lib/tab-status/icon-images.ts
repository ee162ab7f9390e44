// The toolbar icon a LinkedIn tab gets (tracked / untracked / default) is set again on every page load,
// because Chrome drops a tab's own icon when the tab loads another document. Given as file paths,
// Chrome's setIcon in a service worker fetches every file and decodes it (fetch, createImageBitmap, a
// canvas) on each call: per load, two extension-resource requests through the browser process and two
// image decodes in the worker, after the page's load. Decoded once per worker instead, and the pixels
// handed over as they are.
export type IconPaths = Record<string, string>;

/**
 * Icon sets as image data, each file decoded at most once while the decode succeeds; a failed decode is
 * forgotten (the next call tries again) and rejects, so the caller can fall back to the paths.
 */
export function iconImageCache<I>(decode: (path: string) => Promise<I>): (paths: IconPaths) => Promise<Record<string, I>> {
  const decoded = new Map<string, Promise<I>>();
  const one = (path: string): Promise<I> => {
    let p = decoded.get(path);
    if (!p) {
      p = decode(path);
      decoded.set(path, p);
      p.catch(() => decoded.get(path) === p && decoded.delete(path));
    }
    return p;
  };
  return async (paths) => {
    const sizes = Object.keys(paths);
    const images = await Promise.all(sizes.map((size) => one(paths[size]!)));
    return Object.fromEntries(sizes.map((size, i) => [size, images[i]!]));
  };
}
