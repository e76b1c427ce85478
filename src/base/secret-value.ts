import { inspect } from 'node:util';

const REDACTED = '[redacted]';

/**
 * A resolved secret. It redacts itself wherever a value could be printed by accident
 * (`String()`, template literals, `JSON.stringify`, `util.inspect`, `console.log`); only code that
 * needs the raw bytes (the envelope, the Redis AUTH, a TLS key) calls `reveal()`.
 * The value lives in a private field, so enumerating the object does not expose it either.
 */
export class SecretValue {
  readonly #value: string;
  /** The reference it was resolved from, e.g. `vault.redis_password`: safe to print. */
  readonly reference: string;

  constructor(value: string, reference: string) {
    this.#value = value;
    this.reference = reference;
  }

  reveal(): string {
    return this.#value;
  }

  get length(): number {
    return this.#value.length;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return `SecretValue(<${this.reference}>: ${REDACTED})`;
  }

  [Symbol.toPrimitive](): string {
    return REDACTED;
  }
}
