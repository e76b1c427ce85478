import { MavericsConfigError } from '../base/errors.js';
import type { SecretValue } from '../base/secret-value.js';

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
  /**
   * Told every key this run will ask for, before the first `get`, so a provider with a batch read
   * (Conjur's `GET /secrets?variable_ids=`) can fetch them in one request. Optional; a failure is
   * ignored (each `get` then reads on its own), so it must never be the only way a key resolves.
   */
  prefetch?(keys: readonly string[], signal: AbortSignal): Promise<void>;
  /** Releases sockets and timers. */
  close?(): Promise<void>;
}

/** Builds a provider from a URL of one of its schemes. May import heavy clients lazily. */
export type SecretProviderFactory = (url: URL, options: ProviderOptions) => Promise<SecretProvider> | SecretProvider;

export interface ProviderOptions {
  /** The environment to read credentials from (process.env unless the caller gave another). */
  env: Readonly<Record<string, string | undefined>>;
  /** Reports something worth knowing that does not fail a reference (never a secret). */
  warn?: (message: string) => void;
  /** The clock token lifetimes are measured with (epoch ms); Date.now unless a test injects one. */
  now?: () => number;
}

/** What a built-in provider is created with besides its config. */
export interface ProviderContext extends ProviderOptions {
  /** The provider URL without credentials, for messages. */
  description: string;
}

/**
 * A built-in provider: its schemes, its URL grammar (cheap, no client loaded, so `lint` can use it)
 * and how it is created from the config its grammar returns. One file per provider holds all three.
 */
export interface BuiltInProvider<Config> {
  readonly schemes: readonly string[];
  /** The typed config of a URL of one of `schemes`; throws a `bad-url` SecretProviderError. */
  parse(url: URL, description: string): Config;
  create(config: Config, context: ProviderContext): Promise<SecretProvider> | SecretProvider;
}

export type SecretProviderErrorKind =
  | 'bad-url' // the provider URL cannot be used (missing parameter, unknown scheme, …)
  | 'unreachable' // connection refused, DNS failure, TLS failure
  | 'dropped' // a kept-alive connection closed under the request (ECONNRESET, EPIPE): tried once more
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
  /** How long the service asked us to wait before trying again (`Retry-After`), when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(kind: SecretProviderErrorKind, message: string, options?: { cause?: unknown; retryAfterMs?: number }) {
    super(`ESECRETPROVIDER_${kind.toUpperCase().replace('-', '_')}`, message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SecretProviderError';
    this.kind = kind;
    this.retryAfterMs = options?.retryAfterMs;
  }

  /** Throttling, 5xx and a dropped connection are worth another try; everything else is final. */
  get retryable(): boolean {
    return this.kind === 'throttled' || this.kind === 'server' || this.kind === 'dropped';
  }
}
