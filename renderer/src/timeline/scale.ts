/**
 * The time axis: which dates it spans, how many pixels a day takes at each zoom level,
 * where a date lands, and the ticks to draw. Pure arithmetic on UTC day numbers.
 */
import { dayNumber, type IsoDate } from '../../../electron/core/calendar-date';
import type { RangeChoice, Zoom } from './filters';

export const AXIS_START: IsoDate = '2022-01-01';

/**
 * Pixels per day at each zoom level: about 180 px a quarter and 180 px a month. The year zoom fits
 * the whole period into the chart's width (see `makeScale`); 0.6 (about 220 px a year) is its
 * value before the chart is measured.
 */
export const PX_PER_DAY: Record<Zoom, number> = { year: 0.6, quarter: 2, month: 6 };
/** The year zoom never squeezes a year below ~55 px, nor stretches it beyond the quarter zoom. */
const YEAR_FIT = { min: 0.15, max: 1.5 };

export interface Scale {
  from: IsoDate;
  to: IsoDate;
  pxPerDay: number;
  /** Width of the whole axis in pixels (through the end of `to`). */
  width: number;
  /** Left edge of a day, in pixels from the axis start (may lie outside 0…width). */
  x(date: IsoDate): number;
}

/** The present year, at least 2025 (the review year). */
export const presentYear = (today: IsoDate): number => Math.max(2025, Number(today.slice(0, 4)));

/** The choice the period menu shows: "the present year" is the same as 2025 or 2030 in those years. */
export function shownRange(choice: RangeChoice, today: IsoDate): RangeChoice {
  if (choice !== 'present') return choice;
  const year = presentYear(today);
  return year === 2025 ? '2025' : year >= 2030 ? '2030' : 'present';
}

export function rangeEnd(choice: RangeChoice, today: IsoDate): IsoDate {
  if (choice === '2030') return '2030-12-31';
  if (choice === 'present') return `${presentYear(today)}-12-31`;
  return '2025-12-31';
}

/** The axis through `to`; at the year zoom, `fitWidth` (the chart's width in pixels) holds the whole period. */
export function makeScale(zoom: Zoom, to: IsoDate, fitWidth = 0): Scale {
  const start = dayNumber(AXIS_START);
  const days = dayNumber(to) - start + 1;
  const pxPerDay =
    zoom === 'year' && fitWidth > 0
      ? Math.min(YEAR_FIT.max, Math.max(YEAR_FIT.min, Math.floor((fitWidth / days) * 1000) / 1000))
      : PX_PER_DAY[zoom];
  const width = Math.round(days * pxPerDay);
  return { from: AXIS_START, to, pxPerDay, width, x: (date) => (dayNumber(date) - start) * pxPerDay };
}

export interface Tick {
  date: IsoDate;
  x: number;
  width: number;
  /** 'year' ticks head the top tier; the others are the bottom tier's quarters or months. */
  unit: 'year' | 'quarter' | 'month';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Years for the top tier, and quarters or months for the bottom tier at those zoom levels. */
export function ticks(scale: Scale, zoom: Zoom): Tick[] {
  const first = Number(scale.from.slice(0, 4));
  const last = Number(scale.to.slice(0, 4));
  const result: Tick[] = [];
  const span = (from: IsoDate, next: IsoDate) => scale.x(next) - scale.x(from);
  for (let year = first; year <= last; year += 1) {
    const date = `${year}-01-01`;
    result.push({ date, x: scale.x(date), width: span(date, `${year + 1}-01-01`), unit: 'year' });
    if (zoom === 'year') continue;
    const step = zoom === 'quarter' ? 3 : 1;
    for (let month = 1; month <= 12; month += step) {
      const from = `${year}-${pad(month)}-01`;
      const next = month + step > 12 ? `${year + 1}-01-01` : `${year}-${pad(month + step)}-01`;
      result.push({ date: from, x: scale.x(from), width: span(from, next), unit: zoom });
    }
  }
  return result;
}
