/**
 * Exceptions are for misuse and infrastructure, never for bad configuration (that becomes diagnostics).
 * Every error the package throws is a MavericsConfigError with a stable `code`; `cause` is kept.
 * No message may carry a secret's value: callers build messages from names and references only.
 */
export class MavericsConfigError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MavericsConfigError';
    this.code = code;
  }
}

/** A bad argument from the caller: an unknown flag, an unreadable file, an unknown format. */
export class UsageError extends MavericsConfigError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('EUSAGE', message, options);
    this.name = 'UsageError';
  }
}
