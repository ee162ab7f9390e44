// CPU time of a browser's processes from /proc, per kind of process, to nanoseconds (schedstat):
// what a page load costs in the processes no trace records, such as an extension's service worker,
// whose thread logs nothing under the trace categories headless Chromium records.
import { readdirSync, readFileSync } from 'node:fs';

const numeric = () =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
const read = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    // The process ended between listing and reading: it has nothing left to count.
    return null;
  }
};

/**
 * One process's CPU time in ms (utime + stime, clock ticks of 10 ms), or null when it cannot be read
 * (off Linux, or a server on another host): the sync benches' database backend.
 */
export function processCpuMs(pid: number): number | null {
  const stat = read(`/proc/${pid}/stat`);
  if (stat === null) return null;
  // After the command name in parentheses: state is field 3, utime and stime fields 14 and 15.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}

/** The browser process of the profile in `userDataDir` (Playwright starts it with that flag). */
export function browserPid(userDataDir: string): number {
  for (const pid of numeric()) {
    // Chromium's child processes rewrite their command line into one space-separated title.
    const args = read(`/proc/${pid}/cmdline`)?.split(/[\0 ]/) ?? [];
    if (args.includes(`--user-data-dir=${userDataDir}`) && !args.some((a) => a.startsWith('--type='))) return pid;
  }
  throw new Error(`no browser process for ${userDataDir}`);
}

function processTree(root: number): number[] {
  const parent = new Map<number, number>();
  for (const pid of numeric()) {
    const stat = read(`/proc/${pid}/stat`);
    // After the command name in parentheses: state, then the parent's pid.
    if (stat) parent.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const [pid, pp] of parent) if (pp === out[i]) out.push(pid);
  return out;
}

/** What a Chromium process is: browser, renderer, extension (an extension's own renderer), gpu-process, utility, zygote. */
function kindOf(pid: number): string | null {
  const args = read(`/proc/${pid}/cmdline`)?.split(/[\0 ]/);
  if (!args) return null;
  const type = args.find((a) => a.startsWith('--type='))?.slice('--type='.length) ?? 'browser';
  if (type === 'renderer') return args.includes('--extension-process') ? 'extension' : 'renderer';
  return type;
}

function tasks(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
}

/** CPU ms per kind of process at a moment (epoch ms, sub-millisecond). */
export interface CpuSample {
  at: number;
  ms: Record<string, number>;
}

/**
 * Samples a browser's processes' CPU, per kind, every couple of milliseconds until stopped, so the CPU
 * between two moments another clock names (a page's navigation timing) can be read off. The threads to
 * read are listed once at the start (a process started meanwhile is missed; a page load starts none here).
 */
export function sampleBrowser(root: number, everyMs = 2): { stop: () => CpuSample[] } {
  const files: Array<[string, string]> = [];
  for (const pid of processTree(root)) {
    const kind = kindOf(pid);
    if (kind) for (const tid of tasks(pid)) files.push([kind, `/proc/${pid}/task/${tid}/schedstat`]);
  }
  const samples: CpuSample[] = [];
  const take = () => {
    const ms: Record<string, number> = {};
    for (const [kind, file] of files) ms[kind] = (ms[kind] ?? 0) + Number(read(file)?.split(' ')[0] ?? 0) / 1e6;
    samples.push({ at: performance.timeOrigin + performance.now(), ms });
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}

/** CPU ms per kind between two moments, interpolated between the samples around each. */
export function cpuBetween(samples: readonly CpuSample[], from: number, to: number): Record<string, number> {
  if (samples.length === 0) throw new Error('no samples');
  const at = (t: number, kind: string): number => {
    const v = (s: CpuSample) => s.ms[kind] ?? 0;
    if (t <= samples[0]!.at) return v(samples[0]!);
    for (let i = 1; i < samples.length; i++) {
      const [a, b] = [samples[i - 1]!, samples[i]!];
      if (t <= b.at) return v(a) + ((v(b) - v(a)) * (t - a.at)) / Math.max(b.at - a.at, 1e-9);
    }
    return v(samples.at(-1)!);
  };
  return Object.fromEntries(Object.keys(samples[0]!.ms).map((kind) => [kind, at(to, kind) - at(from, kind)]));
}
