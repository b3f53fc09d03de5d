import { applyProgressPatch, ProgressPatchError, type ProgressPatch } from '../../../core/progress';
import { isoDateSchema } from '../../../core/milestone';
import { STATUSES, type Status } from '../../../core/status';
import { progressOf } from '../../../core/user-state';
import { CliError, requireDate, type Command } from '../context';

const isStatus = (value: string): value is Status => (STATUSES as readonly string[]).includes(value);

/** `--evidence` is a link when it is one URL, otherwise a text. */
function evidenceFrom(text: string): ProgressPatch['evidence'] {
  const trimmed = text.trim();
  return /^https?:\/\/\S+$/i.test(trimmed) ? { text: '', url: trimmed } : { text, url: null };
}

export const status: Command = {
  summary: 'records the status of a milestone (with the date it was achieved and evidence)',
  usage: `status <id> <${STATUSES.join('|')}> [--on YYYY-MM-DD] [--evidence TEXT|URL] [--note TEXT] [--json]`,
  options: { on: { type: 'string' }, evidence: { type: 'string' }, note: { type: 'string' } },
  positionals: [2, 2],
  run(ctx, values, positionals) {
    const [id, wanted] = positionals as [string, string];
    if (!isStatus(wanted)) {
      throw new CliError(`Unknown status "${wanted}". Use one of: ${STATUSES.join(', ')}.`, 2);
    }
    if (!ctx.milestones().some((m) => m.id === id)) {
      throw new CliError(
        `No milestone with id "${id}". Run "npm run --silent cli -- list" to see the ids.`,
        2,
      );
    }
    const patch: ProgressPatch = { status: wanted };
    if (values.on !== undefined) {
      if (wanted !== 'achieved' && wanted !== 'partial') {
        throw new CliError(
          '--on is the date the milestone was achieved: use it with "achieved" or "partial".',
          2,
        );
      }
      const on = requireDate(values.on, '--on');
      if (!isoDateSchema.safeParse(on).success) {
        throw new CliError(
          `--on expects a date as YYYY-MM-DD, got "${on}", which is not a real calendar date.`,
          2,
        );
      }
      patch.achievedOn = on;
    }
    if (typeof values.evidence === 'string') patch.evidence = evidenceFrom(values.evidence);
    if (typeof values.note === 'string') patch.note = values.note;

    const store = ctx.store();
    const before = progressOf(store.read(), id);
    let next;
    try {
      next = store.update((state) => applyProgressPatch(state, id, patch, new Date()));
    } catch (error) {
      if (error instanceof ProgressPatchError) throw new CliError(error.message, 2);
      throw error;
    }
    const after = progressOf(next, id);
    if (values.json) {
      ctx.out(JSON.stringify({ id, ...after }, null, 2));
      return;
    }
    const change = before.status === after.status ? after.status : `${before.status} → ${after.status}`;
    ctx.out(`${id}: ${change}${after.achievedOn ? ` (achieved on ${after.achievedOn})` : ''}`);
  },
};
