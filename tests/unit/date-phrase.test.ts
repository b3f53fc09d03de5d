import { describe, expect, it } from 'vitest';
import { ADOPTION_DATE, DatePhraseError, resolveDatePhrase } from '../../electron/core/date-phrase';

const year = (y: number) => ({ from: `${y}-01-01`, to: `${y}-12-31` });

describe('resolveDatePhrase: the dataset date table', () => {
  it.each([
    ['in 2023', '2023-12-31', year(2023)],
    ['Uiterlijk in 2025', '2025-12-31', year(2025)],
    ['uiterlijk 2024', '2024-12-31', year(2024)],
    ['tegen 2025', '2025-12-31', year(2025)],
    ['Uiterlijk eind 2022', '2022-12-31', { from: '2022-10-01', to: '2022-12-31' }],
    ['Tegen eind 2022', '2022-12-31', { from: '2022-10-01', to: '2022-12-31' }],
    ['eind 2023', '2023-12-31', { from: '2023-10-01', to: '2023-12-31' }],
    ['Uiterlijk medio 2023', '2023-06-30', { from: '2023-05-01', to: '2023-06-30' }],
    ['vóór medio 2022', '2022-06-30', { from: '2022-05-01', to: '2022-06-30' }],
    ['Tegen medio 2022', '2022-06-30', { from: '2022-05-01', to: '2022-06-30' }],
    ['medio 2022', '2022-06-30', { from: '2022-05-01', to: '2022-06-30' }],
    ['uiterlijk begin 2023', '2023-03-31', { from: '2023-01-01', to: '2023-03-31' }],
    ['begin 2024', '2024-03-31', { from: '2024-01-01', to: '2024-03-31' }],
    ['uiterlijk medio mei', '2022-05-15', { from: '2022-05-01', to: '2022-05-15' }],
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
    ['Vanaf 2023', '2023-01-01'],
    ['Vanaf 2022', '2022-03-21'], // not before the Compass existed: its adoption date
    ['vanaf de tweede helft van 2022', '2022-07-01'],
    ['onmiddellijk', '2022-03-21'],
  ])('%s is a start on %s with no due date', (phrase, start) => {
    expect(resolveDatePhrase(phrase)).toEqual({
      kind: 'start',
      start,
      due: null,
      window: null,
      recurrence: null,
    });
  });

  it.each([
    ['ten minste om de drie jaar', 3],
    ['om de twee jaar', 2],
    ['jaarlijks', 1],
    ['jaarlijkse', 1],
    ['tweejaarlijkse', 2],
  ])('%s recurs every %i year(s)', (phrase, everyYears) => {
    expect(resolveDatePhrase(phrase, { year: 2022 })).toEqual({
      kind: 'recurring',
      start: null,
      due: null,
      window: null,
      recurrence: { everyYears, first: '2022-12-31' },
    });
  });

  it('takes a missing year from the context', () => {
    expect(resolveDatePhrase('uiterlijk medio mei', { year: 2023 }).due).toBe('2023-05-15');
    expect(resolveDatePhrase('jaarlijks', { year: 2023 }).recurrence).toEqual({
      everyYears: 1,
      first: '2023-12-31',
    });
  });

  it('lets the text move a deadline start away from the adoption date', () => {
    expect(resolveDatePhrase('uiterlijk in 2025', { start: '2023-01-01' }).start).toBe('2023-01-01');
  });

  it("makes a deadline phrase a start on its window's first day when the text says the work begins then", () => {
    expect(resolveDatePhrase('eind 2022', { begins: true })).toEqual({
      kind: 'start',
      start: '2022-10-01',
      due: null,
      window: null,
      recurrence: null,
    });
    expect(resolveDatePhrase('medio 2021', { begins: true }).start).toBe(ADOPTION_DATE);
  });

  it('gives null an undated milestone', () => {
    expect(resolveDatePhrase(null)).toEqual({
      kind: 'undated',
      start: null,
      due: null,
      window: null,
      recurrence: null,
    });
  });

  it.each([
    'binnen 30 dagen',
    'zo spoedig mogelijk',
    'in het komende decennium',
    'uiterlijk eind',
    '2022-2024',
  ])('rejects %s with a message that says what to do', (phrase) => {
    expect(() => resolveDatePhrase(phrase)).toThrow(DatePhraseError);
    expect(() => resolveDatePhrase(phrase)).toThrow(/datePhrase to null/);
  });
});
