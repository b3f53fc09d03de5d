import { describe, expect, it } from 'vitest';
import { LIMITS, tooLarge, tooLong, tooMany } from '../../electron/core/limits';

describe('limit messages', () => {
  it('group thousands with commas, as the errors a user reads say them', () => {
    expect(tooLong(300)).toBe('too long: at most 300 characters');
    expect(tooLong(1_000)).toBe('too long: at most 1,000 characters');
    expect(tooMany(100_000, 'log entries')).toBe('too many log entries: at most 100,000');
    expect(tooLarge(LIMITS.importFileBytes)).toBe('too large: at most 10,000,000 bytes');
    expect(tooLarge(25_000_000)).toBe('too large: at most 25,000,000 bytes');
  });

  it('say every limit the same way as English number formatting does', () => {
    for (const max of Object.values(LIMITS)) {
      expect(tooLong(max)).toBe(`too long: at most ${max.toLocaleString('en-US')} characters`);
    }
  });
});
