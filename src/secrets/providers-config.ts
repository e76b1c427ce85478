/**
 * Which provider answers which reference. One default provider (`MAVERICS_SECRET_PROVIDER` or
 * `--secret-provider <url>`) and any number of named ones (`--secret-provider <name>=<url>`): a
 * reference whose first dot-separated segment is a provider's name goes to that provider with the
 * rest of the name as its key (`<vault.db.password>` → provider `vault`, key `db.password`);
 * every other reference goes to the default with its whole name.
 */
import { UsageError } from '../base/errors.js';
import { SecretProviderError, type SecretProvider } from './provider.js';
import { describeProviderUrl, scrubCredentials } from './url-grammar.js';

/** A provider URL, or a provider object built by the caller. */
export type ProviderSource = string | SecretProvider;

/** Names of named providers: letters, digits, `_` and `-`. */
export const PROVIDER_NAME = /^[A-Za-z0-9_-]+$/;

/** In the map form of `secretProvider`, the entry under this name is the default provider. */
export const DEFAULT_PROVIDER_KEY = 'default';

export interface ProviderSetup {
  default: ProviderSource | undefined;
  named: ReadonlyMap<string, ProviderSource>;
}

export function isSecretProvider(value: unknown): value is SecretProvider {
  return typeof value === 'object' && value !== null && typeof (value as { get?: unknown }).get === 'function';
}

/** A source's secret-free description, for messages. */
export function describeSource(source: ProviderSource): string {
  if (typeof source === 'string') return describeProviderUrl(source);
  return typeof source.description === 'string' && source.description ? scrubCredentials(source.description) : 'a custom secret provider';
}

/**
 * One `--secret-provider` value: `url`, or `name=url` when what precedes the first `=` matches the
 * name grammar and what follows it contains `://` (so `hashivault://h?token=a` stays a URL).
 */
export function parseSecretProviderFlag(value: string): { name?: string; url: string } {
  const eq = value.indexOf('=');
  if (eq > 0) {
    const name = value.slice(0, eq);
    const rest = value.slice(eq + 1);
    if (PROVIDER_NAME.test(name) && rest.includes('://')) return { name, url: rest };
  }
  return { url: value };
}

/**
 * All `--secret-provider` values of one command line (repeatable): at most one default, and each
 * name once. Throws UsageError (exit code 2) otherwise; messages show URLs without credentials.
 */
export function secretProviderFlags(values: readonly string[]): { secretProvider?: string; namedProviders: Record<string, string> } {
  let secretProvider: string | undefined;
  const namedProviders: Record<string, string> = {};
  for (const value of values) {
    const { name, url } = parseSecretProviderFlag(value);
    if (name === undefined) {
      if (secretProvider !== undefined) {
        throw new UsageError(
          `--secret-provider given two default providers (${describeProviderUrl(secretProvider)} and ${describeProviderUrl(url)}); name the others: --secret-provider <name>=<url>`,
        );
      }
      secretProvider = url;
    } else {
      if (Object.hasOwn(namedProviders, name)) throw new UsageError(`--secret-provider names the provider ${name} twice`);
      namedProviders[name] = url;
    }
  }
  return { ...(secretProvider !== undefined ? { secretProvider } : {}), namedProviders };
}

function checkSource(source: unknown, what: string): ProviderSource {
  if (typeof source === 'string') {
    if (source.trim() === '') throw new SecretProviderError('bad-url', `${what} is an empty URL`);
    return source;
  }
  if (isSecretProvider(source)) return source;
  throw new SecretProviderError('bad-url', `${what} is neither a provider URL nor an object with a get(key, signal) method`);
}

/**
 * Merges the resolver's `secretProvider` (URL, provider object, or `{ name: url | provider }` map
 * whose `default` entry is the default) and `namedProviders` into one setup. An empty string as the
 * default means "none" (an unset environment variable read as ''). Bad names throw.
 */
export function normalizeProviders(
  secretProvider: ProviderSource | Record<string, ProviderSource> | undefined,
  namedProviders: Record<string, ProviderSource> | undefined,
): ProviderSetup {
  let defaultSource: ProviderSource | undefined;
  const named = new Map<string, ProviderSource>();
  const addNamed = (name: string, source: unknown): void => {
    if (!PROVIDER_NAME.test(name)) {
      throw new SecretProviderError('bad-url', `the secret provider name ${JSON.stringify(name)} is not letters, digits, _ and -`);
    }
    if (named.has(name)) throw new SecretProviderError('bad-url', `the secret provider name ${name} is given twice`);
    named.set(name, checkSource(source, `the secret provider ${name}`));
  };
  if (typeof secretProvider === 'string') {
    if (secretProvider.trim() !== '') defaultSource = secretProvider;
  } else if (isSecretProvider(secretProvider)) {
    defaultSource = secretProvider;
  } else if (secretProvider && typeof secretProvider === 'object') {
    for (const [name, source] of Object.entries(secretProvider)) {
      if (name === DEFAULT_PROVIDER_KEY) defaultSource = checkSource(source, 'the default secret provider');
      else addNamed(name, source);
    }
  }
  for (const [name, source] of Object.entries(namedProviders ?? {})) addNamed(name, source);
  return { default: defaultSource, named };
}

export interface Route {
  /** A named provider's name, or undefined for the default provider. */
  provider: string | undefined;
  /** What the provider is asked for. */
  key: string;
}

export function routeReference(reference: string, setup: ProviderSetup): Route {
  const dot = reference.indexOf('.');
  if (dot > 0 && dot < reference.length - 1) {
    const first = reference.slice(0, dot);
    if (setup.named.has(first)) return { provider: first, key: reference.slice(dot + 1) };
  }
  return { provider: undefined, key: reference };
}
