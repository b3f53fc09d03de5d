import type { ParseArgsConfig } from 'node:util';
import type { IsoDate } from '../../core/date-phrase';
import type { AnyMilestone, Milestone } from '../../core/milestone';
import { isoDateSchema } from '../../core/milestone-schema';
import type { UserState } from '../../core/user-state';
import type { StateStore } from '../store';

/** A mistake the user can fix: printed without a stack trace, exit code 2 for usage, 1 otherwise. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

export interface CliContext {
  out(text: string): void;
  err(text: string): void;
  /** The dataset: the bundled one, --milestones FILE or --strategy LIST. */
  dataset(): readonly Milestone[];
  /** The dataset followed by the user's own milestones (as the store has them at the first call). */
  milestones(): AnyMilestone[];
  /** Milestone id → the name of its imported strategy (from --strategy): the feed's category per strategy. */
  strategyNames(): ReadonlyMap<string, string>;
  /** The user's state from the store in --data-dir (or the app's own folder). */
  state(): UserState;
  /** The store in --data-dir (opened once per run; its notices are printed on stderr). */
  store(): StateStore;
  dataDir(): string;
  /** The system date in the local time zone. */
  systemToday(): IsoDate;
}

export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** How many positional arguments the command takes: [min, max]. */
  positionals: [number, number];
  run(ctx: CliContext, values: OptionValues, positionals: string[]): Promise<number | void> | number | void;
}

export function requireDate(value: unknown, flag: string): IsoDate {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new CliError(`${flag} expects a date as YYYY-MM-DD, got ${JSON.stringify(value)}.`, 2);
  }
  if (!isoDateSchema.safeParse(value).success) {
    throw new CliError(`${flag} ${value} is not a day of the calendar; give a real date as YYYY-MM-DD.`, 2);
  }
  return value as IsoDate;
}

export function requireInt(value: unknown, flag: string, min: number, max: number): number {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new CliError(
      `${flag} expects a whole number from ${min} to ${max}, got ${JSON.stringify(value)}.`,
      2,
    );
  }
  return n;
}
