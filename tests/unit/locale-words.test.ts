/**
 * The Dutch words as a reader meets them: one form of address (the formal "u", as the Compass's
 * readers are civil servants), and one word per meaning: "over tijd" for overdue, "te laat" only
 * for achieved late, "onderdeel" for a section.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const NL = resolve(__dirname, '../../electron/contract/locales/nl');

/** Every string of a locale file with its dotted key. */
function strings(value: unknown, prefix = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[prefix, value]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => strings(v, prefix ? `${prefix}.${k}` : k));
  return [];
}

const all = readdirSync(NL)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) =>
    strings(JSON.parse(readFileSync(join(NL, f), 'utf8'))).map(([k, v]): [string, string] => [
      `${f}:${k}`,
      v,
    ]),
  );

describe('the Dutch words', () => {
  it('address the reader as "u" throughout, never "je", "jij" or "jouw"', () => {
    expect(all.length).toBeGreaterThan(100);
    const informal = all.filter(([, v]) => /\b(je|jij|jouw|jou)\b/i.test(v)).map(([k]) => k);
    expect(informal).toEqual([]);
  });

  it('call a section of the Compass "onderdeel" everywhere, never "paragraaf"', () => {
    const sections = all.filter(([k]) => /(^|\.)section$/.test(k.split(':')[1] ?? ''));
    expect(sections.length).toBeGreaterThan(1);
    for (const [key, value] of sections) expect(value, key).toMatch(/onderdeel/i);
    expect(all.filter(([, v]) => /paragraaf/i.test(v)).map(([k]) => k)).toEqual([]);
  });

  it('say "over tijd" for overdue and keep "te laat" for what was achieved late', () => {
    const overdue = all.filter(([k]) => /(^|\.)overdue$/.test(k.split(':')[1] ?? ''));
    expect(overdue.length).toBeGreaterThan(3);
    for (const [key, value] of overdue) {
      expect(value, key).not.toMatch(/te laat/i);
    }
    for (const [key, value] of all.filter(([, v]) => /te laat/i.test(v))) {
      // late_one/late_other, badgeLate…, the verdict "Te laat behaald": all about an achievement.
      expect(`${key} ${value}`, key).toMatch(/behaald|late|badgeLate/i);
    }
  });
});
