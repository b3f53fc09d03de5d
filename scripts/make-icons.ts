/**
 * Draws the app's icons with code (no network, no image tools) and writes them into build/:
 *
 * - build/icon.png (1024 px), build/icon.icns (macOS) and build/icon.ico (Windows) for the installers;
 * - build/icons/NxN.png, the Linux icon set for the desktop entry;
 * - build/tray/: trayTemplate.png + @2x (macOS template image: black and alpha only),
 *   tray.ico (Windows) and tray.png + @2x (Linux).
 *
 * The icon: the EU's twelve gold stars in a ring on blue, with a compass needle in the middle.
 * Output is deterministic: the test suite redraws everything and compares it with build/.
 *
 *   npx tsx scripts/make-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];
export type IconStyle = 'app' | 'tray' | 'template';

const BLUE: Rgba = [0, 51, 153, 255];
const GOLD: Rgba = [255, 204, 0, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const PALE: Rgba = [170, 190, 230, 255];
const BLACK: Rgba = [0, 0, 0, 255];

/** The colour at a point of the icon (x, y from -0.5 to 0.5, y down), or null where it is transparent. */
function paint(x: number, y: number, style: IconStyle): Rgba | null {
  const r = Math.hypot(x, y);
  const inNeedle = (halfWidth: number, halfLength: number) =>
    Math.abs(x) / halfWidth + Math.abs(y) / halfLength <= 1;

  if (style === 'template') {
    // Black silhouette: a ring and the needle (the north half solid, the south half hollow).
    if (r <= 0.47 && r >= 0.39) return BLACK;
    if (inNeedle(0.12, 0.3) && (y <= 0 || !inNeedle(0.05, 0.2))) return BLACK;
    return null;
  }
  if (r > 0.47) return null;
  if (inNeedle(style === 'app' ? 0.075 : 0.12, style === 'app' ? 0.25 : 0.32)) return y <= 0 ? WHITE : PALE;
  if (style === 'app') {
    // The nearest of the twelve stars (one every 30°, the first at the top).
    const angle = (Math.round(Math.atan2(x, -y) / (Math.PI / 6)) * Math.PI) / 6;
    if (Math.hypot(x - 0.345 * Math.sin(angle), y + 0.345 * Math.cos(angle)) <= 0.036) return GOLD;
  } else if (r >= 0.4) {
    return GOLD;
  }
  return BLUE;
}

/** Draws one square RGBA image of `size` pixels, anti-aliased with 4×4 samples per pixel. */
export function drawIcon(size: number, style: IconStyle): Uint8Array {
  const samples = 4;
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const at = (py * size + px) * 4;
      // Inside a flat area (the pixel's corners and centre agree), one sample is enough.
      const corners = [
        paint(px / size - 0.5, py / size - 0.5, style),
        paint((px + 1) / size - 0.5, py / size - 0.5, style),
        paint(px / size - 0.5, (py + 1) / size - 0.5, style),
        paint((px + 1) / size - 0.5, (py + 1) / size - 0.5, style),
        paint((px + 0.5) / size - 0.5, (py + 0.5) / size - 0.5, style),
      ];
      if (corners.every((c) => c === corners[0])) {
        if (corners[0]) pixels.set(corners[0], at);
        continue;
      }
      let red = 0;
      let green = 0;
      let blue = 0;
      let alpha = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const colour = paint(
            (px + (sx + 0.5) / samples) / size - 0.5,
            (py + (sy + 0.5) / samples) / size - 0.5,
            style,
          );
          if (!colour) continue;
          red += colour[0];
          green += colour[1];
          blue += colour[2];
          alpha += 1;
        }
      }
      if (alpha > 0) {
        pixels[at] = Math.round(red / alpha);
        pixels[at + 1] = Math.round(green / alpha);
        pixels[at + 2] = Math.round(blue / alpha);
        pixels[at + 3] = Math.round((alpha * 255) / (samples * samples));
      }
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG file (8-bit RGBA, no filtering) of a square RGBA image. */
export function encodePng(pixels: Uint8Array, size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    rows[y * (size * 4 + 1)] = 0;
    rows.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', new Uint8Array()),
  ]);
}

/** An ICO file holding PNG images (Windows Vista and later read these). */
export function encodeIco(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

/** The ICNS types that hold PNG data, by pixel size (the @2x types share sizes with the 1x ones). */
const ICNS_TYPES: readonly [string, number][] = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

/** An ICNS file (macOS) of PNG images. */
export function encodeIcns(pngBySize: ReadonlyMap<number, Buffer>): Buffer {
  const entries = ICNS_TYPES.map(([type, size]) => {
    const png = pngBySize.get(size);
    if (!png) throw new Error(`no ${size} px image for ${type}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(entries);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

/** Every icon file, by its path relative to build/. */
export function iconFiles(): Map<string, Buffer> {
  const cache = new Map<string, Buffer>();
  const png = (size: number, style: IconStyle) => {
    const key = `${style}:${size}`;
    let file = cache.get(key);
    if (!file) {
      file = encodePng(drawIcon(size, style), size);
      cache.set(key, file);
    }
    return file;
  };
  const files = new Map<string, Buffer>();
  files.set('icon.png', png(1024, 'app'));
  files.set(
    'icon.ico',
    encodeIco([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: png(size, 'app') }))),
  );
  files.set(
    'icon.icns',
    encodeIcns(new Map([16, 32, 64, 128, 256, 512, 1024].map((size) => [size, png(size, 'app')]))),
  );
  for (const size of LINUX_ICON_SIZES) files.set(`icons/${size}x${size}.png`, png(size, 'app'));
  files.set('tray/trayTemplate.png', png(16, 'template'));
  files.set('tray/trayTemplate@2x.png', png(32, 'template'));
  files.set('tray/tray.ico', encodeIco([16, 24, 32, 48].map((size) => ({ size, png: png(size, 'tray') }))));
  files.set('tray/tray.png', png(32, 'tray'));
  files.set('tray/tray@2x.png', png(64, 'tray'));
  return files;
}

export const BUILD_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [path, content] of iconFiles()) {
    const target = join(BUILD_DIR, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    console.log(`wrote build/${path} (${content.length} bytes)`);
  }
}
