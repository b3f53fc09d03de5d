import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { icalOptionsFromSettings, type IcalOptions } from '../../../core/ical';
import { CHAPTERS, type Chapter } from '../../../core/chapters';
import { LOCALES, type Locale, type UserState } from '../../../core/user-state';
import { publishIcal } from '../../feed-server';
import type { StateStore } from '../../store';
import { CliError, type CliContext, type Command, type OptionValues } from '../context';

/** The flags `ics` and `serve-feed` share: which chapters, which language, achieved or not. */
export const FEED_FLAGS = {
  chapters: { type: 'string' },
  lang: { type: 'string' },
  'include-achieved': { type: 'boolean' },
  'no-achieved': { type: 'boolean' },
} as const;

export const FEED_FLAGS_USAGE = '[--chapters act,secure,…] [--lang nl|en] [--include-achieved|--no-achieved]';

/** The feed options from the flags; what a flag leaves open comes from the app's feed settings. */
export function feedOptionsFrom(values: OptionValues): (state: UserState) => IcalOptions {
  let chapters: Chapter[] | undefined;
  if (values.chapters !== undefined) {
    const names = String(values.chapters)
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    const unknown = names.filter((name) => !(CHAPTERS as readonly string[]).includes(name));
    if (names.length === 0 || unknown.length > 0) {
      throw new CliError(
        `--chapters expects a comma-separated list of ${CHAPTERS.join(', ')}; ` +
          `got ${JSON.stringify(values.chapters)}.`,
        2,
      );
    }
    chapters = names as Chapter[];
  }
  if (values.lang !== undefined && !(LOCALES as readonly string[]).includes(String(values.lang))) {
    throw new CliError(`--lang expects nl or en, got ${JSON.stringify(values.lang)}.`, 2);
  }
  if (values['include-achieved'] && values['no-achieved']) {
    throw new CliError('--include-achieved and --no-achieved contradict each other; give one of them.', 2);
  }
  const includeAchieved = values['include-achieved'] ? true : values['no-achieved'] ? false : undefined;
  return (state) => {
    const fromSettings = icalOptionsFromSettings(state.settings.feed);
    return {
      chapters: chapters ?? fromSettings.chapters,
      includeAchieved: includeAchieved ?? fromSettings.includeAchieved,
      lang: (values.lang as Locale | undefined) ?? fromSettings.lang,
    };
  };
}

/** Builds the feed from the store in --data-dir (recording its SEQUENCE numbers there). */
export function feedFromStore(
  ctx: CliContext,
  values: OptionValues,
): { feed: () => string; store: StateStore } {
  const options = feedOptionsFrom(values);
  const dataset = ctx.dataset();
  const store = ctx.store();
  // A category per imported strategy, as in the app's feed.
  const strategyNames = ctx.strategyNames();
  return {
    store,
    feed: () =>
      publishIcal(
        store,
        dataset,
        (state) => ({ ...options(state), strategyNames }),
        (warning) => ctx.err(`Warning: ${warning}`),
      ),
  };
}

/** Writes next to the target and renames over it, so a failed write never leaves half a file. */
function writeAtomically(file: string, content: string): void {
  const target = resolve(file);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new CliError(
      `Cannot write ${file}: ${(error as Error).message}. Check that the folder exists and is writable.`,
    );
  }
}

export const ics: Command = {
  summary:
    'the iCal feed (every dated deadline, start and recurring cycle, with reminders) to stdout or a file',
  usage: `ics [--out FILE] ${FEED_FLAGS_USAGE}`,
  options: { out: { type: 'string' }, ...FEED_FLAGS },
  positionals: [0, 0],
  run(ctx, values) {
    if (typeof values.out === 'string') {
      // Before anything is built or recorded in the store.
      const folder = dirname(resolve(values.out));
      if (!existsSync(folder) || !statSync(folder).isDirectory()) {
        throw new CliError(
          `Cannot write ${values.out}: the folder ${folder} does not exist. Create it first.`,
        );
      }
    }
    const content = feedFromStore(ctx, values).feed();
    if (typeof values.out === 'string') {
      writeAtomically(values.out, content);
      const events = content.split('\r\nBEGIN:VEVENT\r\n').length - 1;
      ctx.out(`Wrote ${events} events to ${values.out}.`);
      return;
    }
    ctx.out(content);
  },
};
