// Draws the per-tab variants of Jalur's toolbar icon (public/icon/tab/), drawn the way
// scripts/make-icons.mjs draws the icon itself: the same funnel on a rounded square, plus a dot in the
// top corner (the overdue badge sits in the bottom one):
// - tracked: a filled amber dot — the person this LinkedIn tab shows is in the pipeline;
// - untracked: a hollow white ring — someone Jalur recognises, not in the pipeline yet.
// Run once after changing the design: node scripts/make-tab-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BG = [11, 110, 99]; // deep teal, as the icon
const FG = [255, 255, 255];
const DOT = [245, 179, 1]; // amber

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const r = 0.2;
function inSquare(u, v) {
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  return (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
}
const bars = [
  [0.18, 0.82, 0.2, 0.34],
  [0.28, 0.72, 0.43, 0.57],
  [0.38, 0.62, 0.66, 0.8],
];
const inBars = (u, v) => bars.some(([x0, x1, y0, y1]) => u >= x0 && u <= x1 && v >= y0 && v <= y1);

// The dot: centre and radii in icon units (a white ring around it keeps it apart from the bars).
const D = { x: 0.76, y: 0.24, outer: 0.25, inner: 0.17 };
const dist = (u, v) => Math.hypot(u - D.x, v - D.y);

/** The colour (RGBA, 0..1 alpha) of one sample point. */
function sample(u, v, variant) {
  const d = dist(u, v);
  if (d <= D.outer) {
    if (variant === 'tracked') return d <= D.inner ? [...DOT, 1] : [...FG, 1];
    // Untracked: a white ring with the teal showing through its middle.
    return d <= D.inner * 0.62 ? [...BG, 1] : [...FG, 1];
  }
  if (!inSquare(u, v)) return [0, 0, 0, 0];
  return inBars(u, v) ? [...FG, 1] : [...BG, 1];
}

function png(size, variant) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      // 4×4 supersampling, colours weighted by their coverage.
      let a = 0;
      const c = [0, 0, 0];
      for (let i = 0; i < 4; i++)
        for (let j = 0; j < 4; j++) {
          const s = sample((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size, variant);
          a += s[3];
          for (let k = 0; k < 3; k++) c[k] += s[k] * s[3];
        }
      const px = c.map((v) => (a > 0 ? Math.round(v / a) : 0));
      row.set([...px, Math.round((a / 16) * 255)], 1 + x * 4);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon/tab', { recursive: true });
for (const variant of ['tracked', 'untracked'])
  for (const size of [16, 32, 48, 128]) writeFileSync(`public/icon/tab/${variant}-${size}.png`, png(size, variant));
