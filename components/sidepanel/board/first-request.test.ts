// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../../lib/pipeline/board';
import { storedFilter, useBoardFilter } from './filter-state';
import { earlyPreviewFilter, FILTER_KEY, previewKey, previewRequest } from './first-request';
import { readPageState, writePageState } from '../page-state';

const clear = () => history.replaceState(null, '');

describe("the board's early preview", () => {
  it("asks, in a panel just opened, for exactly the preview the board's first read asks for", () => {
    clear();
    const early = earlyPreviewFilter(readPageState(FILTER_KEY));
    expect(early).toEqual(EMPTY_FILTER);
    // The board takes the early reply by this key: same filter, same key (key order included).
    expect(previewKey(early!)).toBe(previewKey(storedFilter()));
    expect(previewRequest(early!)).toEqual(previewRequest(storedFilter()));
  });

  it('asks nothing early once filters are kept: their check is the board\'s', () => {
    writePageState(FILTER_KEY, JSON.stringify({ ...EMPTY_FILTER, gate: 'sql' }));
    expect(earlyPreviewFilter(readPageState(FILTER_KEY))).toBeNull();
    expect(previewKey(storedFilter())).not.toBe(previewKey(EMPTY_FILTER));
    clear();
  });

  it('keeps filters under the key the first script reads', () => {
    expect(typeof useBoardFilter).toBe('function');
    writePageState(FILTER_KEY, JSON.stringify({ ...EMPTY_FILTER, stalledOnly: true }));
    expect(storedFilter().stalledOnly).toBe(true);
    clear();
  });
});
