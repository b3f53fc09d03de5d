/**
 * Maintainer tool: fills each milestone's kind/start/due/window/recurrence from its
 * datePhrase (+ dateContext) with the core's phrase resolver, so the dataset's dates
 * are exactly what the resolver returns. Usage: tsx scripts/fill-dataset-dates.ts FILE...
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolveDatePhrase } from '../electron/core/date-phrase';

for (const file of process.argv.slice(2)) {
  const items = JSON.parse(readFileSync(file, 'utf8')) as Array<Record<string, unknown>>;
  const filled = items.map((item) => {
    const { kind, start, due, window, recurrence } = resolveDatePhrase(
      (item.datePhrase as string | null) ?? null,
      (item.dateContext as object | undefined) ?? {},
    );
    const { note, ...rest } = item;
    return { ...rest, kind, start, due, window, recurrence, ...(note ? { note } : {}) };
  });
  writeFileSync(file, `${JSON.stringify(filled, null, 2)}\n`);
  console.log(`${file}: ${filled.length} milestones`);
}
