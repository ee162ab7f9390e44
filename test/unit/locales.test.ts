import { SQL_ITEMS } from '../../lib/pipeline/gates';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const load = (loc: string) =>
  JSON.parse(readFileSync(`public/_locales/${loc}/messages.json`, 'utf8')) as Record<string, { message: string }>;
const en = load('en');
const id = load('id');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : /\.(tsx?|html)$/.test(d.name) && !d.name.includes('.test.') ? [join(dir, d.name)] : [],
  );
}

describe('locales', () => {
  it('Indonesian has exactly the English keys, each translated and non-empty', () => {
    expect(Object.keys(id).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(id)) expect(v.message.trim(), k).not.toBe('');
  });

  it('every key is a name Chrome accepts (letters, digits, _ and @), or it refuses to load the extension', () => {
    const bad = Object.keys(en).filter((k) => !/^[A-Za-z0-9_@]+$/.test(k));
    expect(bad).toEqual([]);
  });

  it('every key the code asks for exists', () => {
    const used = new Set<string>();
    for (const f of [...sources('components'), ...sources('entrypoints')]) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
      for (const m of src.matchAll(/label: '([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
    }
    for (const m of readFileSync('wxt.config.ts', 'utf8').matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(m[1]!);
    const missing = [...used].filter((k) => !(k in en));
    expect(missing).toEqual([]);
  });

  it('has a name for every default stage, source, channel and score rule', async () => {
    const { DEFAULT_STAGES } = await import('../../lib/pipeline/default-stages');
    const { SOURCES, TOUCH_CHANNELS } = await import('../../lib/model/enums');
    const keys = [
      ...DEFAULT_STAGES.map((s) => `stage_${s.key}`),
      ...SOURCES.map((s) => `source_${s}`),
      ...TOUCH_CHANNELS.map((c) => `channel_${c}`),
      ...[
        'seniority',
        'warm_source',
        'referral',
        'touches',
        'replies',
        'recent_two_way',
        'inactivity',
        'clamp',
        'icp_company',
        'icp_industry',
        'icp_location',
        'manual',
        ...SQL_ITEMS.map((i) => `sql_${i}`),
      ].map((r) => `rule_${r}`),
    ];
    expect(keys.filter((k) => !(k in en) || !(k in id))).toEqual([]);
  });

  it('default stage names match the design, in both languages', () => {
    expect(en.stage_decision!.message).toBe('Purchase / Decision');
    expect(id.stage_decision!.message).toBe('Pembelian/Keputusan');
    expect(id.stage_prospecting!.message).toBe('Prospek');
  });
});
