/** Who records progress entries: the name in Settings, else the operating system's user. */
import { userInfo } from 'node:os';
import type { Me } from '../core/ownership';
import type { Settings } from '../core/user-state';

/** The OS user's name (login name), or "unknown" where the OS gives none. */
export function osAuthor(): string {
  try {
    const name = userInfo().username.trim();
    if (name) return name;
  } catch {
    // No user database entry (some containers): fall back to the environment.
  }
  return (process.env.USER ?? process.env.USERNAME ?? '').trim() || 'unknown';
}

export const authorOf = (settings: Pick<Settings, 'author'>): string => settings.author ?? osAuthor();

/**
 * Who "I" am for the owner filter: Settings' person, else the name set for entries, else the team
 * connection's user name, else the OS user; the unit only as Settings has it.
 */
export const meOf = (settings: Pick<Settings, 'author' | 'me'>, teamUser?: string | null): Me => ({
  person: settings.me?.person ?? settings.author ?? teamUser ?? osAuthor(),
  unit: settings.me?.unit ?? null,
});
