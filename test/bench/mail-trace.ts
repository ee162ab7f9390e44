// How much main-thread time the content script takes per frame, from a Chrome trace taken over CDP.
//
// Why a trace and not a timer in the page: the content script runs in an isolated world on the page's
// own main thread, so nothing in the page can time it, and a PerformanceObserver for long tasks only
// sees tasks over 50 ms and cannot tell whose they are. A rAF loop in the page measures frame gaps,
// but those are dominated by the page's own work (laying out 100 freshly rendered rows takes longer
// than a frame here with or without Jalur) and come in whole vsync steps.
//
// What is attributed: V8's sampling CPU profiler (trace category disabled-by-default-v8.cpu_profiler,
// one sample every ~0.25 ms on this machine) records the JS stack of the main thread; a sample counts
// as the content script's when any frame of its stack comes from the extension's scripts. That covers
// its rAF callbacks, its mutation-observer callbacks and the promise continuations after a lookup reply
// (which carry no FunctionCall event of their own), and the DOM calls it makes, including style or
// layout it forces synchronously. It does not cover the rendering the page does afterwards for the
// markers inserted (style, layout, paint of the next frame), nor GC; those are reported separately as
// the longest main-thread task, whoever caused it.
//
// What "per frame" means: the main thread's frames are its BeginMainThreadFrame events; the content
// script's time between two consecutive ones is time that frame could not start. The figure is the
// worst such interval during the navigation (and also the worst single task, a lower bound that does
// not depend on when frames happened to be scheduled).
import type { CDPSession } from '@playwright/test';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: { data?: Record<string, unknown> };
}

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
];

/** Start a trace on the page's CDP session; the returned function ends it and returns the events. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: object[] }) => {
    for (const v of e.value) events.push(v as TraceEvent);
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: TRACE_CATEGORIES } });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

export interface FrameWork {
  /** The content script's main-thread time in the busiest interval between two frames. */
  maxPerFrameMs: number;
  /** … in the busiest single task (a microtask checkpoint with all its promise continuations counts as one). */
  maxPerTaskMs: number;
  /** … in the whole window. */
  totalMs: number;
  /** Intervals between frames in which the content script ran, with its time in each. */
  perFrameMs: number[];
  frames: number;
  windowMs: number;
  /** The longest main-thread task in the window, anyone's: the page's own rendering of the list included. */
  longestTaskMs: number;
  medianSampleIntervalMs: number;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string; functionName: string };
}
interface ChunkData {
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
  startTime?: number;
}

/** A sample's weight is the time to the next one, capped so a stalled sampler does not inflate it. */
const MAX_SAMPLE_US = 2000;

/**
 * The content script's (`scriptPrefix`, e.g. chrome-extension://<id>/) main-thread time per frame,
 * from the performance mark `startMark` in the page to the end of the trace.
 */
export function contentScriptWork(events: readonly TraceEvent[], o: { scriptPrefix: string; startMark: string }): FrameWork {
  const mark = events.find((e) => e.name === o.startMark && e.cat.includes('blink.user_timing'));
  if (!mark) throw new Error(`trace has no "${o.startMark}" mark`);
  const onMain = (e: TraceEvent) => e.pid === mark.pid && e.tid === mark.tid;
  const start = mark.ts;
  const end = Math.max(...events.filter(onMain).map((e) => e.ts + (e.dur ?? 0)));

  const frames = events
    .filter((e) => onMain(e) && e.name === 'BeginMainThreadFrame' && e.ts > start && e.ts < end)
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const tasks = events
    .filter((e) => onMain(e) && e.name === 'RunTask' && e.ph === 'X' && e.ts + (e.dur ?? 0) > start)
    .sort((a, b) => a.ts - b.ts);

  // The main thread's isolate has one profile; its chunks may be written from another thread.
  const profile = events.find((e) => e.name === 'Profile' && onMain(e));
  if (!profile) throw new Error('trace has no CPU profile for the main thread');
  const nodes = new Map<number, ProfileNode>();
  const samples: Array<{ t: number; node: number }> = [];
  let t = (profile.args?.data as ChunkData | undefined)?.startTime ?? profile.ts;
  for (const c of events
    .filter((e) => e.name === 'ProfileChunk' && e.pid === mark.pid && e.id === profile.id)
    .sort((a, b) => a.ts - b.ts)) {
    const d = c.args?.data as ChunkData | undefined;
    for (const n of d?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const ids = d?.cpuProfile?.samples ?? [];
    const deltas = d?.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) {
      t += deltas[i] ?? 0;
      samples.push({ t, node: ids[i]! });
    }
  }
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const n = nodes.get(id);
    const v = !!n && ((n.callFrame.url ?? '').startsWith(o.scriptPrefix) || (n.parent !== undefined && isOurs(n.parent)));
    ours.set(id, v);
    return v;
  };

  const perFrame = new Array<number>(frames.length + 1).fill(0);
  const perTask = new Map<TraceEvent, number>();
  const intervals: number[] = [];
  let total = 0;
  let ti = 0;
  let f = 0;
  for (let i = 0; i + 1 < samples.length; i++) {
    const s = samples[i]!;
    const dt = samples[i + 1]!.t - s.t;
    intervals.push(dt);
    if (s.t < start || s.t > end || !isOurs(s.node)) continue;
    const w = Math.min(dt, MAX_SAMPLE_US);
    total += w;
    while (f < frames.length && frames[f]! <= s.t) f++;
    perFrame[f]! += w;
    while (ti < tasks.length && tasks[ti]!.ts + (tasks[ti]!.dur ?? 0) < s.t) ti++;
    const task = tasks[ti];
    if (task && task.ts <= s.t) perTask.set(task, (perTask.get(task) ?? 0) + w);
  }
  intervals.sort((a, b) => a - b);
  const ms = (us: number) => us / 1000;
  return {
    maxPerFrameMs: ms(Math.max(0, ...perFrame)),
    maxPerTaskMs: ms(Math.max(0, ...perTask.values())),
    totalMs: ms(total),
    perFrameMs: perFrame.filter((v) => v > 0).map(ms),
    frames: frames.length,
    windowMs: ms(end - start),
    longestTaskMs: ms(Math.max(0, ...tasks.filter((e) => e.ts >= start).map((e) => e.dur ?? 0))),
    medianSampleIntervalMs: ms(intervals[Math.floor(intervals.length / 2)] ?? 0),
  };
}
