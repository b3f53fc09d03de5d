import { randomUUID } from 'node:crypto';
import { deriveProgress, progressOf } from '../../../core/progress';
import { appendRecord, checkLogKey, LogEntryError } from '../../../core/recording';
import { checkEntryDate, entryDateMessage, type EvidenceItem } from '../../../core/progress-log';
import { logKeySchema } from '../../../core/progress-log-schema';
import { DATED_STATUSES, STATUSES, type Status } from '../../../core/status';
import { authorOf } from '../../author';
import { CliError, type Command } from '../context';

const isStatus = (value: string): value is Status => (STATUSES as readonly string[]).includes(value);

/** `--evidence` is a link when it is one URL, otherwise a text. */
function evidenceFrom(text: string): EvidenceItem {
  const trimmed = text.trim();
  const url = /^https?:\/\/\S+$/i.test(trimmed) ? trimmed : null;
  return { title: trimmed.slice(0, 1_000), url, date: null, publisher: null };
}

export const status: Command = {
  summary:
    'records a progress entry: the status of a milestone (or one cycle of a recurring one) on a date, with evidence and a note',
  usage: `status <id>[@<cycle date>] <${STATUSES.join('|')}> [--on YYYY-MM-DD] [--evidence TEXT|URL] [--note TEXT] [--author NAME] [--json]`,
  options: {
    on: { type: 'string' },
    evidence: { type: 'string' },
    note: { type: 'string' },
    author: { type: 'string' },
  },
  positionals: [2, 2],
  run(ctx, values, positionals) {
    const [key, wanted] = positionals as [string, string];
    if (!isStatus(wanted)) {
      throw new CliError(`Unknown status "${wanted}". Use one of: ${STATUSES.join(', ')}.`, 2);
    }
    if (!logKeySchema.safeParse(key).success) {
      throw new CliError(
        `"${key}" is not a milestone id or <id>@<cycle date> (e.g. general-progress-report@2023-12-31).`,
        2,
      );
    }
    const today = ctx.systemToday();
    const on = typeof values.on === 'string' ? values.on : undefined;
    if (on === undefined && DATED_STATUSES.has(wanted)) {
      throw new CliError(
        `"${wanted}" needs the date it happened: add --on YYYY-MM-DD (nothing is assumed, not even today).`,
        2,
      );
    }
    if (on !== undefined) {
      const problem = checkEntryDate(on, today);
      if (problem) throw new CliError(`--on ${entryDateMessage(problem, on, today)}`, 2);
    }
    if (typeof values.author === 'string' && !values.author.trim()) {
      throw new CliError('--author expects a name, got an empty one.', 2);
    }
    const milestones = ctx.milestones();
    try {
      checkLogKey(milestones, key, today);
    } catch (error) {
      if (error instanceof LogEntryError) {
        throw new CliError(`${error.message} Run "npm run --silent cli -- list" to see the ids.`, 2);
      }
      throw error;
    }

    const store = ctx.store();
    let entry;
    let before;
    const next = store.update((state) => {
      before = progressOf({ progress: deriveProgress(state) }, key);
      try {
        const result = appendRecord(
          state,
          {
            key,
            status: wanted,
            on: on ?? null,
            note: typeof values.note === 'string' ? values.note : '',
            evidence: typeof values.evidence === 'string' ? [evidenceFrom(values.evidence)] : [],
          },
          {
            author: typeof values.author === 'string' ? values.author : authorOf(state.settings),
            now: new Date(),
            today,
            newId: randomUUID,
          },
        );
        entry = result.entry;
        return result.state;
      } catch (error) {
        if (error instanceof LogEntryError) throw new CliError(error.message, 2);
        throw error;
      }
    });
    const after = progressOf({ progress: deriveProgress(next) }, key);
    if (values.json) {
      ctx.out(JSON.stringify({ key, entry, progress: after }, null, 2));
      return;
    }
    const was = (before as unknown as { status: Status }).status;
    const change = was === after.status ? after.status : `${was} → ${after.status}`;
    ctx.out(
      `${key}: ${change} (${DATED_STATUSES.has(after.status) ? 'on' : 'as of'} ${after.on}, recorded by ${after.author})`,
    );
  },
};
