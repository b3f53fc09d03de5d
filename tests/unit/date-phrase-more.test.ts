import { describe, expect, it } from 'vitest';
import { ADOPTION_DATE, DatePhraseError, resolveDatePhrase } from '../../electron/core/date-phrase';

const year = (y: number) => ({ from: `${y}-01-01`, to: `${y}-12-31` });
const end = (y: number) => ({ from: `${y}-10-01`, to: `${y}-12-31` });
const mid = (y: number) => ({ from: `${y}-05-01`, to: `${y}-06-30` });

describe('resolveDatePhrase: English forms mean what their Dutch counterparts mean', () => {
  it.each([
    ['by 2025', '2025-12-31', year(2025), 'uiterlijk in 2025'],
    ['By 2025', '2025-12-31', year(2025), 'uiterlijk 2025'],
    ['no later than 2024', '2024-12-31', year(2024), 'uiterlijk 2024'],
    ['in 2022', '2022-12-31', year(2022), 'in 2022'],
    ['In 2023', '2023-12-31', year(2023), 'In 2023'],
    ['by mid-2023', '2023-06-30', mid(2023), 'uiterlijk medio 2023'],
    ['mid-2022', '2022-06-30', mid(2022), 'medio 2022'],
    ['by the end of 2022', '2022-12-31', end(2022), 'uiterlijk eind 2022'],
    ['by end-2023', '2023-12-31', end(2023), 'eind 2023'],
    ['the end of 2024', '2024-12-31', end(2024), 'eind 2024'],
    ['by early 2023', '2023-03-31', { from: '2023-01-01', to: '2023-03-31' }, 'uiterlijk begin 2023'],
  ])('%s is a deadline due %s, like "%s"', (phrase, due, window, dutch) => {
    const resolved = resolveDatePhrase(phrase);
    expect(resolved).toEqual({ kind: 'deadline', start: ADOPTION_DATE, due, window, recurrence: null });
    expect(resolved).toEqual(resolveDatePhrase(dutch));
  });

  it.each([
    ['in the first half of 2023', '2023-06-30', { from: '2023-01-01', to: '2023-06-30' }],
    ['in de eerste helft van 2023', '2023-06-30', { from: '2023-01-01', to: '2023-06-30' }],
    ['in the second half of 2024', '2024-12-31', { from: '2024-07-01', to: '2024-12-31' }],
    ['by Q3 2024', '2024-09-30', { from: '2024-07-01', to: '2024-09-30' }],
    ['Q1 2025', '2025-03-31', { from: '2025-01-01', to: '2025-03-31' }],
    ['by the third quarter of 2024', '2024-09-30', { from: '2024-07-01', to: '2024-09-30' }],
    ['uiterlijk in het derde kwartaal van 2024', '2024-09-30', { from: '2024-07-01', to: '2024-09-30' }],
    ['in het vierde kwartaal van 2023', '2023-12-31', { from: '2023-10-01', to: '2023-12-31' }],
    ['by March 2026', '2026-03-31', { from: '2026-03-01', to: '2026-03-31' }],
    ['vóór maart 2026', '2026-03-31', { from: '2026-03-01', to: '2026-03-31' }],
    ['by February 2024', '2024-02-29', { from: '2024-02-01', to: '2024-02-29' }],
    ['uiterlijk juni 2027', '2027-06-30', { from: '2027-06-01', to: '2027-06-30' }],
    ['by the end of September 2025', '2025-09-30', { from: '2025-09-01', to: '2025-09-30' }],
  ])('%s is a deadline due %s', (phrase, due, window) => {
    expect(resolveDatePhrase(phrase)).toEqual({
      kind: 'deadline',
      start: ADOPTION_DATE,
      due,
      window,
      recurrence: null,
    });
  });

  it.each([
    ['from 2023', '2023-01-01'],
    ['From 2023', '2023-01-01'],
    ['as of 2024', '2024-01-01'],
    ['starting in 2022', ADOPTION_DATE], // nothing starts before the Compass existed
    ['starting from 2025', '2025-01-01'],
    ['from the second half of 2022', '2022-07-01'],
    ['immediately', ADOPTION_DATE],
    ['as soon as possible', ADOPTION_DATE],
  ])('%s is a start on %s with no due date', (phrase, start) => {
    expect(resolveDatePhrase(phrase)).toEqual({
      kind: 'start',
      start,
      due: null,
      window: null,
      recurrence: null,
    });
  });

  it('"from 2023" starts where "vanaf 2023" starts', () => {
    expect(resolveDatePhrase('from 2023')).toEqual(resolveDatePhrase('vanaf 2023'));
    expect(resolveDatePhrase('from the second half of 2022')).toEqual(
      resolveDatePhrase('vanaf de tweede helft van 2022'),
    );
  });

  it.each([
    ['every three years', 3],
    ['at least every three years', 3],
    ['every two years', 2],
    ['every other year', 2],
    ['biennially', 2],
    ['annually', 1],
    ['annual', 1],
    ['every year', 1],
    ['each year', 1],
  ])('%s recurs every %i year(s), from the context year', (phrase, everyYears) => {
    expect(resolveDatePhrase(phrase, { year: 2024 })).toEqual({
      kind: 'recurring',
      start: null,
      due: null,
      window: null,
      recurrence: { everyYears, first: '2024-12-31' },
    });
  });

  it('"at least every three years" recurs like "ten minste om de drie jaar"', () => {
    expect(resolveDatePhrase('at least every three years', { year: 2022 })).toEqual(
      resolveDatePhrase('ten minste om de drie jaar', { year: 2022 }),
    );
    expect(resolveDatePhrase('annually')).toEqual(resolveDatePhrase('jaarlijks'));
  });

  it("a document's own date moves a deadline's start and an immediate start", () => {
    expect(resolveDatePhrase('by 2027', { start: '2024-06-01' }).start).toBe('2024-06-01');
    expect(resolveDatePhrase('as soon as possible', { start: '2024-06-01' }).start).toBe('2024-06-01');
    expect(resolveDatePhrase('by Q3 2026', { start: '2024-06-01' }).start).toBe('2024-06-01');
  });

  it.each(['within 30 days', 'over the coming decade', 'by the end', 'by Smarch 2026', '2022-2024', 'soon'])(
    'rejects %s with a message that says what to do',
    (phrase) => {
      expect(() => resolveDatePhrase(phrase)).toThrow(DatePhraseError);
      expect(() => resolveDatePhrase(phrase)).toThrow(/datePhrase to null/);
    },
  );
});

describe('resolveDatePhrase: a month, half or quarter without its year', () => {
  it.each([
    ['by the end of June', '2024-06-30', { from: '2024-06-01', to: '2024-06-30' }],
    ['uiterlijk in het derde kwartaal', '2024-09-30', { from: '2024-07-01', to: '2024-09-30' }],
    ['by Q4', '2024-12-31', { from: '2024-10-01', to: '2024-12-31' }],
    ['in de eerste helft van het jaar', '2024-06-30', { from: '2024-01-01', to: '2024-06-30' }],
    ['vóór maart', '2024-03-31', { from: '2024-03-01', to: '2024-03-31' }],
  ])('%s takes the year from the context', (phrase, due, window) => {
    expect(resolveDatePhrase(phrase, { year: 2024 })).toEqual({
      kind: 'deadline',
      start: ADOPTION_DATE,
      due,
      window,
      recurrence: null,
    });
  });

  it('falls back to the adoption year, like "medio mei"', () => {
    expect(resolveDatePhrase('by the end of June').due).toBe('2022-06-30');
  });

  it.each(['march', 'mei'])('a bare month name (%s) is not a phrase', (phrase) => {
    expect(() => resolveDatePhrase(phrase)).toThrow(DatePhraseError);
  });
});
