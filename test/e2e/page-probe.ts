// Everything a web page could observe of an extension, recorded in the page's own world: the whole
// DOM (every node and attribute, and every element's computed style, so a style sheet injected from
// outside shows), every DOM mutation from the first byte on, and every message the window received.
// Two runs of the same visit — without Jalur and with it — are compared line by line: the quiet-mode
// proofs for LinkedIn (quiet-mode.spec.ts) and for Gmail and Outlook (quiet-mail.spec.ts).
import type { Page } from '@playwright/test';

/**
 * Installed before any page script with `page.addInitScript(recorder, hostPattern)`: records every
 * mutation of the document from the start, and every message the window receives. Main world, top
 * frame of a host matching `hostPattern` (a RegExp source) only; identical in every run.
 */
export function recorder(hostPattern: string) {
  if (window.top !== window || !new RegExp(hostPattern).test(location.hostname)) return;
  const log: string[] = [];
  const describe = (n: Node | null): string => {
    if (!n) return 'null';
    if (n.nodeType !== 1) return n.nodeName;
    const e = n as Element;
    return `${e.localName}${e.id ? `#${e.id}` : ''}${e.getAttribute('class') ? `.${e.getAttribute('class')!.trim().split(/\s+/).join('.')}` : ''}`;
  };
  new MutationObserver((records) => {
    for (const r of records) {
      const added = [...r.addedNodes].map(describe).join(',');
      const removed = [...r.removedNodes].map(describe).join(',');
      log.push(`mutation ${r.type} on ${describe(r.target)}${r.attributeName ? ` @${r.attributeName}` : ''}${added ? ` +[${added}]` : ''}${removed ? ` -[${removed}]` : ''}`);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const show = (v: unknown) => {
    try {
      return JSON.stringify(v) ?? String(v);
    } catch {
      return Object.prototype.toString.call(v);
    }
  };
  addEventListener('message', (e) => log.push(`message from ${e.origin || 'opaque'}${e.source === window ? ' (self)' : ''}: ${show(e.data)}`), true);
  (window as unknown as { __probe: string[] }).__probe = log;
}

/** Everything in the document, one line per node: tag, sorted attributes, a hash of its computed style; text; comments; open shadow roots. */
export async function snapshot(page: Page): Promise<string[]> {
  // Two frames: anything scheduled for the next frame (a content script reacting to the page) has run.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate(() => {
    const out: string[] = [`doctype ${document.doctype?.name ?? 'none'}`, `styleSheets ${document.styleSheets.length}`, `adopted ${document.adoptedStyleSheets.length}`];
    const hash = (s: string) => {
      let h = 0x811c9dc5;
      for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
      return (h >>> 0).toString(16);
    };
    const walk = (parent: Node, depth: number) => {
      const pad = '  '.repeat(depth);
      for (const n of parent.childNodes) {
        if (n.nodeType === Node.ELEMENT_NODE) {
          const e = n as Element;
          const attrs = [...e.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).sort();
          const cs = getComputedStyle(e);
          let style = '';
          for (let i = 0; i < cs.length; i++) style += `${cs[i]}:${cs.getPropertyValue(cs[i]!)};`;
          out.push(`${pad}<${e.localName}${attrs.length ? ` ${attrs.join(' ')}` : ''}> style ${hash(style)}`);
          if (e.shadowRoot) {
            out.push(`${pad}  #shadow-root`);
            walk(e.shadowRoot, depth + 2);
          }
          walk(e, depth + 1);
        } else if (n.nodeType === Node.TEXT_NODE) {
          if ((n as Text).data.trim()) out.push(`${pad}${JSON.stringify((n as Text).data)}`);
        } else if (n.nodeType === Node.COMMENT_NODE) out.push(`${pad}<!--${(n as Comment).data}-->`);
      }
    };
    walk(document, 0);
    return out;
  });
}

/** What the recorder saw so far. */
export async function probe(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { __probe: string[] }).__probe]);
}

/** A message the page posts itself closes the log: everything sent to the page before it has arrived. */
export async function closeLog(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        addEventListener('message', (e) => e.data === 'end' && done());
        postMessage('end', '*');
      }),
  );
}
