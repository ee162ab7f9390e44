// Chrome traces of bulk work summed as CPU time (thread time, not wall time) by part, for the tools
// that compare builds' restores, backups and imports (bulk-trace.mts, import-trace.mts): on the shared
// 2-core machine such a job's wall time is mostly waiting for a core, so thread time tells builds apart.
import type { CDPSession } from '@playwright/test';

export interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; src_func?: string };
}

/**
 * Thread time (ms) by part: top-level tasks of the extension page and the worker, the browser's
 * IndexedDB operations (and how many), LevelDB's compactions.
 */
export function threadTime(events: TraceEvent[]): Record<'page' | 'indexedDb' | 'compaction' | 'worker' | 'ops', number> {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && (e.name === 'thread_name' || e.name === 'process_name')) names.set(e.name === 'thread_name' ? `${e.pid}/${e.tid}` : `${e.pid}`, e.args?.name ?? '');
  const sums = { page: 0, indexedDb: 0, compaction: 0, worker: 0, ops: 0 };
  const open = new Map<string, number[]>();
  const xs = events.filter((e) => e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  for (const e of xs) {
    const k = `${e.pid}/${e.tid}`;
    const thread = `${names.get(String(e.pid))}/${names.get(k)}`;
    const stack = open.get(k) ?? open.set(k, []).get(k)!;
    while (stack.length && stack.at(-1)! <= e.ts) stack.pop();
    const ms = (e.tdur ?? 0) / 1000;
    if (stack.length === 0 && thread === 'Extension Renderer/CrRendererMain') sums.page += ms;
    if (stack.length === 0 && thread === 'Extension Renderer/ServiceWorker thread') sums.worker += ms;
    // Database::GetAllOperation, PutOperation, …: each request the browser serves, whoever asked.
    if (thread.startsWith('Browser/ThreadPool') && e.name.endsWith('Operation') && stack.length <= 2) {
      sums.indexedDb += ms;
      sums.ops++;
    }
    if (thread.startsWith('Browser/ThreadPool') && e.name === 'ThreadPool_RunTask' && e.args?.src_func === 'Schedule') sums.compaction += ms;
    stack.push(e.ts + e.dur!);
  }
  return { page: Math.round(sums.page), indexedDb: Math.round(sums.indexedDb), compaction: Math.round(sums.compaction), worker: Math.round(sums.worker), ops: sums.ops };
}

/** `work` under a whole-browser trace of the given categories: its wall time and the trace's events. */
export async function tracedWork(cdp: CDPSession, categories: string[], work: () => Promise<void>): Promise<{ wall: number; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: object[] }) => events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', onData);
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories, recordMode: 'recordContinuously' }, transferMode: 'ReportEvents' });
  const t0 = Date.now();
  await work();
  const wall = Date.now() - t0;
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', onData);
  return { wall, events };
}
