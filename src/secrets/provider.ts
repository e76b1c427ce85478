import { MavericsConfigError } from '../errors.js';
import type { SecretValue } from './secret-value.js';

/**
 * The contract every secret provider meets, built-in or registered by a user.
 * A provider maps an opaque key (the reference without its angle brackets, and without the
 * provider name when a named provider routed it) to a secret.
 */
export interface SecretProvider {
  /** Human-readable and secret-free, e.g. `hashivault://vault.example.com:8200/secret/data/maverics`. */
  readonly description: string;
  /**
   * Resolves one key. Resolves `undefined` when the provider answered that no such secret or field
   * exists; throws SecretProviderError for everything else. Must honour `signal` (the resolver's
   * per-request timeout) and never put a secret value into an error.
   */
  get(key: string, signal: AbortSignal): Promise<SecretValue | undefined>;
  /** Releases sockets and timers. */
  close?(): Promise<void>;
}

/** Builds a provider from a URL of one of its schemes. May import heavy clients lazily. */
export type SecretProviderFactory = (url: URL, options: ProviderOptions) => Promise<SecretProvider> | SecretProvider;

export interface ProviderOptions {
  /** The environment to read credentials from (process.env unless the caller gave another). */
  env: Readonly<Record<string, string | undefined>>;
}

export type SecretProviderErrorKind =
  | 'bad-url' // the provider URL cannot be used (missing parameter, unknown scheme, …)
  | 'unreachable' // connection refused, DNS failure, TLS failure
  | 'timeout' // no answer within the per-request deadline
  | 'denied' // authentication or authorisation refused (401/403, bad token, bad credentials)
  | 'throttled' // the provider asked us to slow down (429, ThrottlingException)
  | 'server' // a 5xx from the provider
  | 'bad-response' // an answer we cannot read (not JSON, wrong shape)
  | 'unsupported'; // a scheme recognised but not built in

/**
 * A provider failure. `message` names the provider and what failed, never a secret value, and
 * never a credential taken from the provider URL (query strings are stripped from descriptions).
 */
export class SecretProviderError extends MavericsConfigError {
  readonly kind: SecretProviderErrorKind;

  constructor(kind: SecretProviderErrorKind, message: string, options?: { cause?: unknown }) {
    super(`ESECRETPROVIDER_${kind.toUpperCase().replace('-', '_')}`, message, options);
    this.name = 'SecretProviderError';
    this.kind = kind;
  }

  /** Throttling and 5xx are worth another try; everything else is final. */
  get retryable(): boolean {
    return this.kind === 'throttled' || this.kind === 'server';
  }
}
