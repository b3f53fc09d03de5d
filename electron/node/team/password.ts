/**
 * Where the team password comes from. It is never written in clear: the CLI reads it from the
 * `COMPASS_TIMELINE_PASSWORD` environment variable or from a file only its owner can read; the
 * desktop app keeps it sealed by Electron's safeStorage, passed in as a `PasswordSeal`.
 */
import { readFileSync, statSync } from 'node:fs';
import { TeamError } from './http';
import type { TeamConnection } from './team-state';

export const PASSWORD_ENV = 'COMPASS_TIMELINE_PASSWORD';

/** Encrypts and decrypts the password (the app passes Electron safeStorage's pair). */
export interface PasswordSeal {
  seal(password: string): string;
  open(sealed: string): string;
}

/** Reads a password file, refusing one that group or others may read (like ssh does with keys). */
export function readPasswordFile(file: string): string {
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch (error) {
    throw new TeamError(`Cannot read the password file ${file}: ${(error as Error).message}.`, 'config');
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new TeamError(
      `The password file ${file} can be read by other users (mode ${(mode & 0o777).toString(8)}). ` +
        `Make it private first: chmod 600 ${file}`,
      'config',
    );
  }
  const password = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  if (!password) throw new TeamError(`The password file ${file} is empty.`, 'config');
  return password;
}

/**
 * The password for a connection: --password-file, else the environment variable, else the file
 * remembered at connect, else the sealed one (with the app's seal). Throws when there is none.
 */
export function resolvePassword(
  options: {
    passwordFile?: string | null;
    env?: NodeJS.ProcessEnv;
    connection?: Pick<TeamConnection, 'passwordFile' | 'sealedPassword'> | null;
    seal?: PasswordSeal;
  } = {},
): string {
  const env = options.env ?? process.env;
  if (options.passwordFile) return readPasswordFile(options.passwordFile);
  const fromEnv = env[PASSWORD_ENV];
  if (fromEnv) return fromEnv;
  if (options.connection?.passwordFile) return readPasswordFile(options.connection.passwordFile);
  if (options.connection?.sealedPassword && options.seal)
    return options.seal.open(options.connection.sealedPassword);
  throw new TeamError(
    `No password: set ${PASSWORD_ENV} or give --password-file FILE (a file only you can read).`,
    'config',
  );
}
