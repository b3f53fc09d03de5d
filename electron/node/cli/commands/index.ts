import type { Command } from '../context';
import { list } from './list';
import { review } from './review';
import { upcoming } from './upcoming';

/** Every CLI command by name. Add new commands here. */
export const commands: Record<string, Command> = {
  list,
  upcoming,
  review,
};
