// Diagnostic: time Chromium spends injecting an extension's content scripts (the ScriptInjection block,
// just before the load event) and running extension JS before loadEventEnd, over several traced loads.
import { fixture, launchWithExtension, serveLinkedIn } from '../test/e2e/harness';
import type { TraceEvent } from '../test/bench/mail-trace';
import { median } from '../test/bench/stats';

const small = fixture('linkedin/2024-data-view-name.html');
const label = (d: string) => d.replace(/.*\/(?=[^/]+\/chrome-mv3$)/, '').replace('/tmp/pl/', '');
const url = 'https://www.linkedin.com/in/thandiwe-okonkwo-reyes-fx24/';
const loads = Number(process.env.LOADS ?? 8);
for (const dir of process.argv.slice(2)) {
  const { context, close } = await launchWithExtension({ extensionDir: dir, keepWelcome: true });
  try {
    await serveLinkedIn(context, /^https:\/\/www\.linkedin\.com\//, small);
    const tab = await context.newPage();
    const inj: number[] = [], js: number[] = [], first: number[] = [];
    for (let i = 0; i < loads + 1; i++) {
      await tab.goto('about:blank');
      const cdp = await context.newCDPSession(tab);
      const events: TraceEvent[] = [];
      cdp.on('Tracing.dataCollected', (e: { value: object[] }) => events.push(...(e.value as TraceEvent[])));
      await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'blink.user_timing', 'extensions'] } });
      await tab.goto(`${url}?i=${i}`, { waitUntil: 'load' });
      await tab.waitForTimeout(300);
      const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
      await cdp.send('Tracing.end');
      await done;
      await cdp.detach();
      if (i === 0) continue;
      const loadEnd = events.filter((e) => e.name === 'loadEventEnd').at(-1)!;
      const main = events.filter((e) => e.pid === loadEnd.pid);
      // Thread time (tdur), not wall time: on a loaded machine the wall clock counts other processes' turns.
      const cpu = (e: TraceEvent) => ((e as { tdur?: number }).tdur ?? e.dur ?? 0) / 1000;
      const b = main.filter((e) => e.ph === 'X' && e.name === 'ScriptInjection::InjectJs');
      const ext = main.filter((e) => e.ph === 'X' && e.ts < loadEnd.ts && ['EvaluateScript', 'FunctionCall'].includes(e.name) && JSON.stringify(e.args ?? {}).includes('chrome-extension'));
      inj.push(b.reduce((n, e) => n + cpu(e), 0));
      js.push(ext.reduce((n, e) => n + cpu(e), 0) + b.reduce((n, e) => n + cpu(e), 0));
      first.push(ext.filter((e) => e.name === 'FunctionCall').reduce((n, e) => n + cpu(e), 0));
    }
    console.log(`${dir}: CPU before loadEventEnd: injection (InjectJs) ${median(inj).toFixed(2)} ms, injection + extension JS ${median(js).toFixed(2)} ms, of it in load listeners ${median(first).toFixed(2)} ms [${js.map((v) => v.toFixed(1)).join(' ')}]`);
  } finally {
    await close();
  }
}
