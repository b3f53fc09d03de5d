import { listStrategies, strategiesDir } from '../../strategies';
import type { Command } from '../context';
import { formatTable } from '../table';

export const strategies: Command = {
  summary: 'the imported strategies saved in the data folder',
  usage: 'strategies [--json]',
  options: {},
  positionals: [0, 0],
  run(ctx, values) {
    const listed = listStrategies(ctx.dataDir());
    if (values.json) {
      ctx.out(
        JSON.stringify(
          listed.map(({ path, strategy, problem }) =>
            strategy
              ? {
                  slug: strategy.slug,
                  name: strategy.name,
                  source: strategy.source,
                  language: strategy.language,
                  milestones: strategy.milestones.length,
                  path,
                }
              : { path, problem },
          ),
          null,
          2,
        ),
      );
      return;
    }
    for (const { problem } of listed) if (problem) ctx.err(`Warning: ${problem}`);
    const ok = listed.flatMap((l) => (l.strategy ? [l.strategy] : []));
    if (ok.length === 0) {
      ctx.out(`No strategies in ${strategiesDir(ctx.dataDir())}. Add one with: import-strategy FILE`);
      return;
    }
    ctx.out(
      formatTable(
        ['slug', 'name', 'source', 'date', 'lang', 'milestones'],
        ok.map((s) => [
          s.slug,
          s.name,
          s.source.name,
          s.source.date ?? '—',
          s.language,
          String(s.milestones.length),
        ]),
      ),
    );
    ctx.out(`\n${ok.length} strategies in ${strategiesDir(ctx.dataDir())}`);
  },
};
