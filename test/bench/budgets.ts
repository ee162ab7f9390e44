// DESIGN.md §6, restated as numbers the bench can compare against. Keep the two in step.
export const BUDGETS = {
  contentScriptGzipBytes: 20 * 1024,
  chipShownMs: 50,
  lookupMedianMs: 2,
  overdueCountMs: 20,
  pageLoadRatio: 1.05,
  // Side panel open → board interactive: with the worker asleep (the common case: Chrome stops it after
  // 30 s idle), and with it running (issue: a year of a busy rep's pipeline stays instant).
  boardInteractiveMs: 300,
  boardWarmMs: 150,
  // Issue 12: the side panel's Today view opens with 2,000 due items, first rows at once.
  todayInteractiveMs: 150,
  syncPushSpeedup: 20,
  // Issue 5, mail: chip shown ≤ 50 ms after a conversation renders; annotating a 100-row list
  // ≤ 16 ms of main-thread work per frame.
  mailChipShownMs: 50,
  mailListFrameMs: 16,
} as const;
