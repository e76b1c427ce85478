/**
 * What every provider's URL grammar shares: reading a provider URL the way the Orchestrator takes it
 * from `MAVERICS_SECRET_PROVIDER` (or its `-secretProvider` flag), its query parameters (Go's
 * `url.Values.Get` is case-sensitive, so only the documented spelling counts), and describing it
 * without credentials. Nothing here talks to a network or imports a client.
 *
 * Every message this module produces is free of credentials: it shows a provider URL only through
 * `describeProviderUrl`, which drops the query string and any `user:password@`.
 */
import { didYouMean } from '../base/did-you-mean.js';
import { SecretProviderError } from './provider.js';

/** Query parameters that hold no credential and are worth showing in a description. */
const SAFE_PARAMS = new Set(['region', 'namespace']);

/**
 * A provider URL with its credentials removed: no `user:password@`, and of the query string only
 * parameters known to be harmless (`region`, `namespace`). Never throws; a string that is not a URL
 * is reduced to its scheme.
 */
export function describeProviderUrl(input: string | URL): string {
  let url: URL;
  try {
    url = typeof input === 'string' ? new URL(input) : input;
  } catch {
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(String(input))?.[1];
    return scheme ? `${scheme.toLowerCase()}://…` : 'an unparseable provider URL';
  }
  const scheme = url.protocol.replace(/:$/, '').toLowerCase();
  const safe: string[] = [];
  for (const [k, v] of url.searchParams) {
    if (SAFE_PARAMS.has(k)) safe.push(`${k}=${encodeURIComponent(v)}`);
  }
  return `${scheme}://${url.host}${url.pathname}${safe.length ? `?${safe.join('&')}` : ''}`;
}

/**
 * Removes anything credential-shaped from free text: `user:password@` in URLs, and every query
 * parameter of a URL except the harmless ones (`region`, `namespace`).
 */
export function scrubCredentials(text: string): string {
  return text
    .replace(/([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/\s@?#]*@/g, '$1')
    .replace(/([A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s?#]*)\?([^\s#]*)/g, (_match, head: string, rawQuery: string) => {
      // Punctuation right after a URL in a sentence ("…?region=us-west-2: failed") is not part of it.
      const tail = /[:;,)]+$/.exec(rawQuery)?.[0] ?? '';
      const query = rawQuery.slice(0, rawQuery.length - tail.length);
      const safe: string[] = [];
      for (const part of query.split('&')) {
        const eq = part.indexOf('=');
        const name = eq < 0 ? part : part.slice(0, eq);
        const value = eq < 0 ? '' : part.slice(eq + 1);
        // A value is kept only when it is plainly a value (a region, a namespace path), never
        // swallowing the text that follows it.
        if (SAFE_PARAMS.has(name) && /^[A-Za-z0-9_\-./%]*$/.test(value)) safe.push(`${name}=${value}`);
      }
      return `${safe.length ? `${head}?${safe.join('&')}` : head}${tail}`;
    });
}

export function badUrl(description: string, what: string): SecretProviderError {
  return new SecretProviderError('bad-url', `secret provider ${description}: ${what}`);
}

/** Parses a provider URL string; the message of a failure never repeats the URL's credentials. */
export function toProviderUrl(input: string | URL): URL {
  if (input instanceof URL) return input;
  const trimmed = input.trim();
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(trimmed)) {
    throw new SecretProviderError(
      'bad-url',
      `the secret provider is not a URL of the form scheme://… (got ${describeProviderUrl(trimmed)}); e.g. hashivaults://vault.example.com:8200/secret/data/maverics?token=…`,
    );
  }
  try {
    return new URL(trimmed);
  } catch {
    throw new SecretProviderError('bad-url', `the secret provider URL ${describeProviderUrl(trimmed)} cannot be parsed`);
  }
}

export function urlScheme(url: URL): string {
  return url.protocol.replace(/:$/, '').toLowerCase();
}

export function decode(component: string, description: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    throw badUrl(description, 'it holds a malformed percent-escape');
  }
}

/** Splits the path into decoded segments, so that `%2F` inside one segment stays inside it. */
export function pathSegments(url: URL, description: string): string[] {
  return url.pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => decode(s, description));
}

/**
 * The query parameters of one provider URL, read under their documented names only. Construction
 * rejects a parameter the provider does not take, naming the documented one it most likely means
 * (`roleID` → `role_id`, `certFile` → `client_cert`): the Orchestrator would silently ignore it and
 * fail later, or use another credential.
 */
export class QueryParams {
  readonly #url: URL;

  /**
   * @param documented every parameter the provider takes
   * @param hints misspellings worth a specific suggestion that edit distance would not find
   */
  constructor(url: URL, description: string, documented: readonly string[], hints: Readonly<Record<string, string>> = {}) {
    this.#url = url;
    for (const name of new Set(url.searchParams.keys())) {
      if (documented.includes(name)) continue;
      const meant = Object.hasOwn(hints, name) ? hints[name] : didYouMean(name, documented);
      const takes = documented.length ? `it takes ${documented.join(', ')}` : 'it takes no parameters';
      // A name is shown only when it has the shape of one: `?<token>` must not be printed.
      const shown = /^[A-Za-z_][A-Za-z0-9_.-]{0,40}$/.test(name) ? `the parameter ${name}` : 'a parameter';
      throw badUrl(description, `${shown} is not one this provider takes (${meant ? `did you mean ${meant}? ` : ''}${takes})`);
    }
  }

  /** The value of a documented parameter; an empty value counts as absent. */
  get(name: string): string | undefined {
    const value = this.#url.searchParams.get(name);
    return value === null || value === '' ? undefined : value;
  }

  required(name: string, description: string, hint = ''): string {
    const value = this.get(name);
    if (value === undefined) throw badUrl(description, `the parameter ${name} is missing${hint ? ` (${hint})` : ''}`);
    return value;
  }
}

export function requireHost(url: URL, description: string, example: string): string {
  if (!url.hostname) throw badUrl(description, `the host is missing (expected ${example})`);
  return url.hostname;
}

