import { withProgress } from '../../../core/progress';
import { upcoming as upcomingItems } from '../../../core/queries';
import { requireDate, requireInt, type Command } from '../context';
import { formatTable } from '../table';

export const upcoming: Command = {
  summary: 'deadlines, starts and recurring occurrences due from today to today + N days, soonest first',
  usage: 'upcoming [--today YYYY-MM-DD] [--days N] [--json]',
  options: { today: { type: 'string' }, days: { type: 'string' } },
  positionals: [0, 0],
  run(ctx, values) {
    const today = values.today === undefined ? ctx.systemToday() : requireDate(values.today, '--today');
    const days = values.days === undefined ? 30 : requireInt(values.days, '--days', 0, 36_500);
    const items = upcomingItems(ctx.milestones(), withProgress(ctx.state()), today, days).map(
      ({ milestone, occurrence, status }) => ({
        id: milestone.id,
        title: milestone.title,
        kind: milestone.kind,
        due: occurrence.date,
        occurrence: occurrence.type,
        chapter: milestone.chapter,
        status,
      }),
    );
    if (values.json) {
      ctx.out(JSON.stringify(items, null, 2));
      return;
    }
    ctx.out(
      items.length === 0
        ? `Nothing due between ${today} and ${days} days later.`
        : formatTable(
            ['due', 'id', 'kind', 'status', 'title'],
            items.map((i) => [i.due, i.id, i.kind, i.status, i.title.en]),
          ),
    );
  },
};
