import type { Command } from '../context';
import { ics } from './ics';
import { list } from './list';
import { review } from './review';
import { serveFeed } from './serve-feed';
import { status } from './status';
import { exportState } from './export-state';
import { importState } from './import-state';
import { importRecord } from './import-record';
import { importStrategy } from './import-strategy';
import { strategies } from './strategies';
import { upcoming } from './upcoming';
import { sync, team } from './team';

/** Every CLI command by name. Add new commands here. */
export const commands: Record<string, Command> = {
  list,
  upcoming,
  review,
  ics,
  'serve-feed': serveFeed,
  status,
  'export-state': exportState,
  'import-state': importState,
  'import-strategy': importStrategy,
  'import-record': importRecord,
  strategies,
  team,
  sync,
};
