import { deriveProgress, progressOf } from '../../../core/progress';
import type { Command } from '../context';
import { formatTable } from '../table';

export const list: Command = {
  summary: 'every milestone with its dates and status',
  usage: 'list [--json]',
  options: {},
  positionals: [0, 0],
  run(ctx, values) {
    const source = { progress: deriveProgress(ctx.state()) };
    const rows = ctx.milestones().map((m) => ({ ...m, status: progressOf(source, m.id).status }));
    if (values.json) {
      ctx.out(JSON.stringify(rows, null, 2));
      return;
    }
    ctx.out(
      formatTable(
        ['id', 'kind', 'due', 'status', 'title'],
        rows.map((m) => [
          m.id,
          m.kind,
          m.due ??
            m.start ??
            (m.recurrence ? `every ${m.recurrence.everyYears}y from ${m.recurrence.first}` : '—'),
          m.status,
          m.title.en,
        ]),
      ),
    );
    ctx.out(`\n${rows.length} milestones`);
  },
};
