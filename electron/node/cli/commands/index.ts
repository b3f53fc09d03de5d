import type { Command } from '../context';
import { ics } from './ics';
import { list } from './list';
import { review } from './review';
import { serveFeed } from './serve-feed';
import { upcoming } from './upcoming';

/** Every CLI command by name. Add new commands here. */
export const commands: Record<string, Command> = {
  list,
  upcoming,
  review,
  ics,
  'serve-feed': serveFeed,
};
