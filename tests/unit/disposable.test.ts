import { describe, expect, it } from 'vitest';
import { DisposableStore, DisposeError, toDisposable } from '../../electron/core/disposable';

describe('toDisposable', () => {
  it('runs its function at once on the first dispose() and never again', () => {
    let runs = 0;
    const d = toDisposable(() => void (runs += 1));
    d.dispose();
    expect(runs).toBe(1);
    d.dispose();
    expect(runs).toBe(1);
  });

  it('hands back the same promise to a second dispose()', async () => {
    let runs = 0;
    const d = toDisposable(async () => void (runs += 1));
    const first = d.dispose();
    expect(d.dispose()).toBe(first);
    await first;
    expect(runs).toBe(1);
  });
});

describe('DisposableStore', () => {
  it('disposes newest first, each at once within the dispose() call', () => {
    const order: string[] = [];
    const store = new DisposableStore();
    for (const name of ['ipc', 'tray', 'interval']) store.addFn(() => void order.push(name));
    void store.dispose();
    expect(order).toEqual(['interval', 'tray', 'ipc']);
  });

  it('waits for the slow ones and is idempotent', async () => {
    const store = new DisposableStore();
    let closed = false;
    store.addFn(() => new Promise<void>((done) => setTimeout(() => ((closed = true), done()), 20)));
    const first = store.dispose();
    expect(store.isDisposed).toBe(true);
    expect(store.dispose()).toBe(first);
    expect(closed).toBe(false);
    await first;
    expect(closed).toBe(true);
  });

  it('disposes every item even when some fail, then reports all failures', async () => {
    const store = new DisposableStore();
    const disposed: string[] = [];
    store.addFn(() => void disposed.push('a'));
    store.addFn(() => {
      throw new Error('tray is gone');
    });
    store.addFn(async () => {
      throw new Error('port stuck');
    });
    store.addFn(() => void disposed.push('d'));
    const error = await store.dispose().then(
      () => null,
      (e: unknown) => e,
    );
    expect(disposed).toEqual(['d', 'a']);
    expect(error).toBeInstanceOf(DisposeError);
    expect((error as DisposeError).errors.map((e: Error) => e.message)).toEqual([
      'port stuck',
      'tray is gone',
    ]);
    expect((error as DisposeError).message).toMatch(/^2 of the parts failed to stop; first: port stuck/);
  });

  it('disposes what is added after it was disposed right away, and nothing twice', async () => {
    const store = new DisposableStore();
    let early = 0;
    store.addFn(() => void (early += 1));
    await store.dispose();
    let late = 0;
    const item = store.addFn(() => void (late += 1));
    expect(late).toBe(1);
    item.dispose();
    await store.dispose();
    expect([early, late]).toEqual([1, 1]);
  });

  it('returns what it is given, so a part can be made and registered in one line', () => {
    const store = new DisposableStore();
    const server = { dispose: () => undefined, port: 4321 };
    expect(store.add(server)).toBe(server);
  });
});
