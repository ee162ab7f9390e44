// Draws Jalur's toolbar icon (a funnel of three bars on a rounded square) as PNGs in public/icon/,
// where WXT picks them up for the manifest. Run once after changing the design: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BG = [11, 110, 99]; // deep teal
const FG = [255, 255, 255];

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

/** Coverage (0..1) of pixel (x, y) by the shape, 4×4 supersampled for smooth edges. */
function coverage(size, x, y, inside) {
  let hit = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inside((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size)) hit++;
  return hit / 16;
}

const r = 0.2;
function inSquare(u, v) {
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  return (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
}
// Three bars narrowing downwards: a pipeline's stages.
const bars = [
  [0.18, 0.82, 0.2, 0.34],
  [0.28, 0.72, 0.43, 0.57],
  [0.38, 0.62, 0.66, 0.8],
];
const inBars = (u, v) => bars.some(([x0, x1, y0, y1]) => u >= x0 && u <= x1 && v >= y0 && v <= y1);

function png(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const a = coverage(size, x, y, inSquare);
      const f = coverage(size, x, y, (u, v) => inSquare(u, v) && inBars(u, v));
      const px = BG.map((c, i) => Math.round(c * (1 - f / Math.max(a, 1e-9)) + FG[i] * (f / Math.max(a, 1e-9))));
      row.set([...px, Math.round(a * 255)], 1 + x * 4);
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

for (const size of [16, 32, 48, 128]) writeFileSync(`public/icon/${size}.png`, png(size));
