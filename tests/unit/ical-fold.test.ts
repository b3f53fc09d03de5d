import fc from 'fast-check';
import { foldLines } from 'ical-generator';
import { describe, expect, it } from 'vitest';
import { foldLinesFast } from '../../electron/core/ical';

describe('foldLinesFast', () => {
  it('folds exactly like ical-generator’s own foldLines, for any text', () => {
    const line = fc.string({
      unit: fc.oneof(
        fc.constantFrom('a', ',', 'é', '€', '😀', '\r', '\uD83D', '\uDE00'),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      ),
      maxLength: 300,
      size: 'max', // long lines too, not only the short ones fast-check prefers
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
        const text = lines.join('\r\n');
        expect(foldLinesFast(text)).toBe(foldLines(text));
      }),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400, size: 'max' }), (text) => {
        expect(foldLinesFast(text)).toBe(foldLines(text));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps each line within 75 octets without breaking a character apart', () => {
    const text = `DESCRIPTION:${'één café 😀 '.repeat(40)}\r\nSUMMARY:${'x'.repeat(200)}`;
    const folded = foldLinesFast(text);
    for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(text);
    expect(folded).not.toMatch(/\uFFFD/);
  });
});
