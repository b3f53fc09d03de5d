import { readFileSync } from 'node:fs';
import { importStateIntoStore, StateImportError } from '../../state-transfer';
import { CliError, type Command } from '../context';

export const importState: Command = {
  summary: 'replaces your progress, own milestones and settings with those in a file made by export-state',
  usage: 'import-state FILE',
  options: {},
  positionals: [1, 1],
  run(ctx, _values, [file]) {
    let content: string;
    try {
      content = readFileSync(file!, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new CliError(
        code === 'ENOENT' ? `File not found: ${file}` : `Cannot read ${file}: ${String(error)}`,
      );
    }
    try {
      const { state, backupPath } = importStateIntoStore(ctx.store(), content, new Date());
      ctx.out(
        `Imported ${state.log.length} progress log entries and ${state.ownMilestones.length} own milestones from ${file}.\nYour previous data is kept in ${backupPath}.`,
      );
    } catch (error) {
      if (error instanceof StateImportError) throw new CliError(`${file}: ${error.message}`);
      throw error;
    }
  },
};
