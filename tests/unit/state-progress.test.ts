import { describe, expect, it } from 'vitest';
import { applyProgressPatch, ProgressPatchError } from '../../electron/core/progress';
import { EMPTY_STATE, progressOf, userStateSchema } from '../../electron/core/user-state';

const at = new Date(2025, 2, 14, 10, 30); // 14 March 2025, 10:30 local

describe('applyProgressPatch', () => {
  it('records a status change in the history with its instant', () => {
    const next = applyProgressPatch(EMPTY_STATE, 'm-1', { status: 'in-progress' }, at);
    expect(progressOf(next, 'm-1').status).toBe('in-progress');
    expect(progressOf(next, 'm-1').history).toEqual([
      { at: at.toISOString(), from: 'unknown', to: 'in-progress' },
    ]);
    expect(userStateSchema.safeParse(next).success).toBe(true);
    // The input is not modified.
    expect(EMPTY_STATE.progress).toEqual({});
  });

  it('appends, keeping earlier entries, and only when the status really changes', () => {
    const later = new Date(2025, 5, 1, 9, 0);
    let state = applyProgressPatch(EMPTY_STATE, 'm-1', { status: 'planned' }, at);
    state = applyProgressPatch(state, 'm-1', { status: 'planned', note: 'same status' }, later);
    expect(progressOf(state, 'm-1').history).toHaveLength(1);
    expect(progressOf(state, 'm-1').note).toBe('same status');
    state = applyProgressPatch(state, 'm-1', { status: 'missed' }, later);
    expect(progressOf(state, 'm-1').history.map((h) => `${h.from}>${h.to}`)).toEqual([
      'unknown>planned',
      'planned>missed',
    ]);
  });

  it('sets achievedOn to the local date of the change when none is given', () => {
    // 23:30 local on 14 March: the local date, not the UTC one, whatever the zone.
    const lateEvening = new Date(2025, 2, 14, 23, 30);
    const next = applyProgressPatch(EMPTY_STATE, 'm-1', { status: 'achieved' }, lateEvening);
    expect(progressOf(next, 'm-1').achievedOn).toBe('2025-03-14');
  });

  it('keeps an explicit achievedOn, and clears it when the milestone is no longer achieved', () => {
    let state = applyProgressPatch(EMPTY_STATE, 'm-1', { status: 'achieved', achievedOn: '2024-12-01' }, at);
    expect(progressOf(state, 'm-1').achievedOn).toBe('2024-12-01');
    state = applyProgressPatch(state, 'm-1', { status: 'in-progress' }, at);
    expect(progressOf(state, 'm-1').achievedOn).toBeNull();
  });

  it('changes evidence, note and muted without touching the history', () => {
    const next = applyProgressPatch(
      EMPTY_STATE,
      'm-1',
      { evidence: { text: 'Raadsbesluit', url: 'https://example.org/besluit' }, muted: true, note: 'n' },
      at,
    );
    const p = progressOf(next, 'm-1');
    expect(p).toMatchObject({ status: 'unknown', muted: true, note: 'n', history: [] });
    expect(p.evidence?.url).toBe('https://example.org/besluit');
  });

  it('returns the same state for a patch that changes nothing', () => {
    expect(applyProgressPatch(EMPTY_STATE, 'm-1', {}, at)).toBe(EMPTY_STATE);
    expect(applyProgressPatch(EMPTY_STATE, 'm-1', { status: 'unknown' }, at)).toBe(EMPTY_STATE);
  });

  it('rejects an invalid patch with a message naming the field', () => {
    expect(() =>
      applyProgressPatch(EMPTY_STATE, 'm-1', { status: 'finished' } as unknown as { status: 'achieved' }, at),
    ).toThrow(ProgressPatchError);
    expect(() =>
      applyProgressPatch(EMPTY_STATE, 'm-1', { evidence: { text: 'x', url: 'javascript:alert(1)' } }, at),
    ).toThrow(/evidence\.url/);
  });
});
