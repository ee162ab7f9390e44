import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Everything Jalur adds to a page must get the shipped build's closed root and the trusted-input
// guard; both live in attachPageRoot (components/chip/shadow-root.ts). A second attachShadow elsewhere
// would quietly skip them.
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sources(path);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [path] : [];
  });
}

describe('shadow roots on pages', () => {
  it('are made in one place only, attachPageRoot', () => {
    const makers = ['components', 'entrypoints', 'lib']
      .flatMap(sources)
      .filter((f) => /attachShadow|createShadowRootUi|createIntegratedUi|createIframeUi/.test(readFileSync(f, 'utf8')));
    expect(makers).toEqual([join('components', 'chip', 'shadow-root.ts')]);
  });
});
