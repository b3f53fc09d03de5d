/**
 * Disposables, as VS Code has them: whatever lives long (a listener, an interval, an IPC handler,
 * a server, a subscription) is handed back as a `Disposable`, and a `DisposableStore` tears
 * everything it holds down in one `dispose()`: in reverse order of adding, once.
 */

export interface Disposable {
  /** Stops it; a promise when stopping takes time (a server closing). */
  dispose(): void | Promise<void>;
}

/** A Disposable that runs `fn` (at once, in the dispose() call) on its first dispose() only. */
export function toDisposable(fn: () => void | Promise<void>): Disposable {
  let called = false;
  let result: void | Promise<void>;
  return {
    dispose() {
      if (!called) {
        called = true;
        result = fn();
      }
      return result;
    },
  };
}

/** Several failures of one dispose(): every one of them, in the order the parts were disposed. */
export class DisposeError extends AggregateError {
  constructor(errors: unknown[]) {
    const first = errors[0];
    super(
      errors,
      `${errors.length} of the parts failed to stop; first: ${first instanceof Error ? first.message : String(first)}`,
    );
    this.name = 'DisposeError';
  }
}

/**
 * Holds disposables and disposes them all at once. dispose() calls each one's dispose() right
 * away, newest first (what was set up last is torn down first), without waiting for the one
 * before; it resolves once all have stopped, and rejects with a DisposeError listing whatever
 * failed (the rest are still disposed). A second dispose() returns the first one's promise.
 * What is added after dispose() (a server that finished starting meanwhile) is disposed at once:
 * a synchronous failure is thrown by add(); an asynchronous one is left to the item's own dispose().
 */
export class DisposableStore implements Disposable {
  private items: Disposable[] = [];
  private disposed: Promise<void> | null = null;

  get isDisposed(): boolean {
    return this.disposed !== null;
  }

  /** Adds `item` and returns it. */
  add<T extends Disposable>(item: T): T {
    if (this.disposed) {
      const stopping = item.dispose();
      if (stopping) stopping.catch(() => undefined);
    } else this.items.push(item);
    return item;
  }

  /** Adds a teardown function (a listener's removal, clearInterval, …). */
  addFn(fn: () => void | Promise<void>): Disposable {
    return this.add(toDisposable(fn));
  }

  dispose(): Promise<void> {
    if (!this.disposed) {
      const items = this.items.reverse();
      this.items = [];
      this.disposed = settle(items);
    }
    return this.disposed;
  }
}

/** Disposes every item in order (each called at once), then fails with what failed, if anything. */
async function settle(items: readonly Disposable[]): Promise<void> {
  const results = items.map((item) => {
    try {
      return Promise.resolve(item.dispose());
    } catch (error) {
      return Promise.reject(error);
    }
  });
  const errors = (await Promise.allSettled(results)).flatMap((r) =>
    r.status === 'rejected' ? [r.reason as unknown] : [],
  );
  if (errors.length > 0) throw new DisposeError(errors);
}
