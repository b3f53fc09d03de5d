/**
 * What the built renderer loads before the timeline's first paint: the chunks index.html names and
 * everything they import statically. Building zod schemas at load cost the first paint tens of
 * milliseconds, so zod stays out of them; the views and dialogs that check input (the review, the
 * settings, the import dialog) fetch it with their own chunk.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const out = resolve(__dirname, '../../out/renderer');
const built = existsSync(join(out, 'index.html'));
if (!built && process.env.CI === 'true')
  throw new Error('out/renderer is missing: `npm test` builds it first.');
if (!built)
  console.log('[renderer-chunks] skipped: run `npm run build` first (out/renderer/index.html is absent).');

/** zod's own marks in minified code: the `_zod` internals and its error class. */
const ZOD = /\b_zod\b|ZodError/;

const read = (file: string) => readFileSync(join(out, file), 'utf8');

/** The chunk files a chunk imports statically (`from"./x.js"`, `import"./x.js"`). */
const staticImports = (file: string): string[] =>
  [...read(file).matchAll(/(?:\bfrom|\bimport)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)].map((m) => `assets/${m[1]}`);
/** The chunk files a chunk imports on demand (`import("./x.js")`). */
const dynamicImports = (file: string): string[] =>
  [...read(file).matchAll(/\bimport\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g)].map((m) => `assets/${m[1]}`);

/** `start` and every chunk reached from it through `next`. */
function closure(start: readonly string[], next: (file: string) => string[]): Set<string> {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    next(file).forEach(walk);
  };
  start.forEach(walk);
  return seen;
}

describe.skipIf(!built)('the built renderer (after `npm run build`)', () => {
  const html = built ? read('index.html') : '';
  const entry = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const first = closure(entry, staticImports);

  it('loads no zod before the first paint: neither the chunks index.html names nor what they import', () => {
    expect(entry.length).toBeGreaterThan(0);
    for (const file of first) expect(ZOD.test(read(file)), file).toBe(false);
  });

  it('fetches zod with the views and dialogs that check input, when they open', () => {
    const onDemand = [...first].flatMap(dynamicImports).filter((file) => !first.has(file));
    const lazy = closure(onDemand, staticImports);
    const withZod = [...lazy].filter((file) => ZOD.test(read(file)));
    expect(withZod.length).toBeGreaterThan(0);
    for (const view of ['ReviewView', 'SettingsView', 'ImportDialog']) {
      const chunk = onDemand.find((file) => file.startsWith(`assets/${view}-`));
      expect(chunk, view).toBeDefined();
      const reached = closure([chunk!], staticImports);
      expect(
        [...reached].some((file) => withZod.includes(file)),
        view,
      ).toBe(true);
    }
  });
});
