/**
 * The desktop app's team-password seal (electron/main/team-seal.ts) over an object shaped like
 * Electron's safeStorage (the real one needs the Electron binary): no seal where safeStorage cannot
 * really encrypt, and what is stored is the sealed form, which opens to the password again.
 */
import { describe, expect, it } from 'vitest';
import { safeStorageSeal, type SafeStorageLike } from '../../electron/main/team-seal';

/** XOR with a fixed byte: reversible and unreadable, standing in for the OS keychain (NOT encryption). */
const storage = (available: boolean, backend = 'gnome_libsecret'): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: () => backend,
  encryptString: (text) => Buffer.from([...Buffer.from(text)].map((b) => b ^ 0x5a)),
  decryptString: (buffer) => Buffer.from([...buffer].map((b) => b ^ 0x5a)).toString(),
});

describe('the team password seal', () => {
  it('seals with safeStorage and opens again; the sealed form does not contain the password', () => {
    const seal = safeStorageSeal(storage(true), 'linux')!;
    const sealed = seal.seal('app-token-ÄÖ-123');
    expect(sealed).not.toContain('app-token');
    expect(Buffer.from(sealed, 'base64').toString('latin1')).not.toContain('app-token');
    expect(seal.open(sealed)).toBe('app-token-ÄÖ-123');
  });

  it('gives no seal where safeStorage cannot encrypt, or only with a fixed key (Linux basic_text)', () => {
    expect(safeStorageSeal(storage(false), 'win32')).toBeNull();
    expect(safeStorageSeal(storage(true, 'basic_text'), 'linux')).toBeNull();
    expect(safeStorageSeal(storage(true, 'kwallet5'), 'linux')).not.toBeNull();
    // The backend question is Linux's only; elsewhere availability decides.
    expect(safeStorageSeal(storage(true, 'basic_text'), 'darwin')).not.toBeNull();
  });
});
