import { writeFileSync } from 'node:fs';
import { exportStateJson } from '../../state-transfer';
import { CliError, type Command } from '../context';

export const exportState: Command = {
  summary: "writes all your progress, own milestones and settings to one JSON file ('-' for stdout)",
  usage: 'export-state FILE',
  options: {},
  positionals: [1, 1],
  run(ctx, _values, [file]) {
    const state = ctx.state();
    const content = exportStateJson(state, new Date());
    if (file === '-') {
      ctx.out(content.trimEnd());
      return;
    }
    try {
      writeFileSync(file!, content);
    } catch (error) {
      throw new CliError(
        `Cannot write ${file}: ${(error as Error).message}. Check that the folder exists and is writable.`,
      );
    }
    ctx.out(
      `Exported ${state.log.length} progress log entries and ${state.ownMilestones.length} own milestones to ${file}.`,
    );
  },
};
