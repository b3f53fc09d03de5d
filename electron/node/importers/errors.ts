/** A document that cannot be imported, with a message that says what to do. */
export class ImportError extends Error {
  constructor(
    message: string,
    /** A stable reason for callers and tests. */
    readonly reason:
      | 'missing'
      | 'empty'
      | 'too-large'
      | 'not-text'
      | 'unsupported'
      | 'no-text-layer'
      | 'password'
      | 'unreadable',
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
