/**
 * A change through the app service as a window sees it: the reply is only the revision it made,
 * and the state is the `stateChanged` event of that revision (the one copy that crosses the wire).
 */
import { expect } from 'vitest';
import type { ApiInput, ChangeMethod, Snapshot } from '../../electron/contract/api';
import type { AppService } from '../../electron/node/app-service';

export async function stateAfter<M extends ChangeMethod>(
  service: AppService,
  method: M,
  input: ApiInput<M>,
): Promise<Snapshot> {
  const told: Snapshot[] = [];
  const off = service.subscribe((event, payload) => {
    if (event === 'stateChanged') told.push(payload as Snapshot);
  });
  try {
    const result = await service.dispatch(method, input);
    expect(result, JSON.stringify(result).slice(0, 500)).toMatchObject({ ok: true });
    const { revision } = (result as { value: { revision: number } }).value;
    const snapshot = told.find((s) => s.revision === revision);
    expect(snapshot, `a stateChanged event of revision ${revision}`).toBeDefined();
    return snapshot!;
  } finally {
    off();
  }
}
