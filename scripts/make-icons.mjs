// Draws the toolbar icon (a blue rounded square holding a white ledger page with a coin)
// at 16, 32, 48 and 128 px into public/icon/, with no dependency beyond Node's zlib.
// Run once after changing the design: `node scripts/make-icons.mjs`.

import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [10, 102, 194];
const WHITE = [255, 255, 255];
const GOLD = [245, 181, 36];

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Coverage of a shape at (u, v) in a unit square, by 4×4 supersampling. */
function coverage(u, v, d, inside) {
  let n = 0;
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) if (inside(u + ((i + 0.5) / 4) * d, v + ((j + 0.5) / 4) * d)) n++;
  return n / 16;
}

const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
};
const tile = roundRect(0.02, 0.02, 0.98, 0.98, 0.2);
const page = roundRect(0.22, 0.16, 0.7, 0.84, 0.06);
const lines = [0.34, 0.48, 0.62].map((y) => roundRect(0.3, y - 0.035, 0.58, y + 0.035, 0.03));
const coin = (x, y) => (x - 0.7) ** 2 + (y - 0.7) ** 2 <= 0.17 ** 2;
const coinRing = (x, y) => (x - 0.7) ** 2 + (y - 0.7) ** 2 <= 0.205 ** 2;

function pixel(size) {
  const d = 1 / size;
  return (px, py) => {
    const u = px * d;
    const v = py * d;
    const layers = [
      [BLUE, coverage(u, v, d, tile)],
      [WHITE, coverage(u, v, d, page)],
      [BLUE, Math.max(...lines.map((l) => coverage(u, v, d, l)))],
      [BLUE, coverage(u, v, d, coinRing)],
      [GOLD, coverage(u, v, d, coin)],
    ];
    let [r, g, b, a] = [0, 0, 0, 0];
    for (const [[cr, cg, cb], c] of layers) {
      r = r * (1 - c) + cr * c;
      g = g * (1 - c) + cg * c;
      b = b * (1 - c) + cb * c;
      a = a * (1 - c) + c;
    }
    // Colours were blended premultiplied; undo that for PNG's straight alpha.
    return a === 0 ? [0, 0, 0, 0] : [r / a, g / a, b / a, a * 255].map(Math.round);
  };
}

for (const size of [16, 32, 48, 128]) {
  writeFileSync(new URL(`../public/icon/${size}.png`, import.meta.url), png(size, pixel(size)));
}
console.log('icons written to public/icon/');
