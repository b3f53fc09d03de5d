/**
 * The team password in the desktop app: sealed by Electron's safeStorage (the OS keychain: DPAPI
 * on Windows, the Keychain on macOS, libsecret or KWallet on Linux), so team.json holds only the
 * sealed form. Where safeStorage cannot really encrypt (before "ready", or Linux without a secret
 * store, whose "basic_text" backend uses a fixed key), there is no seal: the password stays in
 * memory until the app quits, and Settings says so.
 */
import type { PasswordSeal } from '../node/team/password';

/** The part of Electron's safeStorage this uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export function safeStorageSeal(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
): PasswordSeal | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return null;
  return {
    seal: (password) => safeStorage.encryptString(password).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
