import { isIP } from 'node:net';

export interface RedisAddress {
  host: string;
  port: number;
  /** As written in the configuration, for messages. */
  text: string;
}

/**
 * Parses `host:port` or `[v6]:port`. Returns undefined for anything `addressProblem` finds wrong
 * (the linter's `redis-address` rule explains what; here it is enough to refuse).
 */
export function parseRedisAddress(text: string): RedisAddress | undefined {
  if (addressProblem(text) !== undefined) return undefined;
  const colon = text.lastIndexOf(':');
  const host = text.startsWith('[') ? text.slice(1, colon - 1) : text.slice(0, colon);
  return { host, port: Number(text.slice(colon + 1)), text };
}

/** What is wrong with an address: the id of a `redis-address` message, and the data it fills in. */
export interface AddressProblem {
  id: 'scheme' | 'credentials' | 'query' | 'badHost' | 'brackets' | 'ipv6' | 'noPort' | 'empty' | 'badPort' | 'emptyHost';
  data: Record<string, string>;
}

/**
 * The one grammar of a Redis address, as the Orchestrator (Go's net.SplitHostPort) reads it:
 * `host:port` or `[IPv6]:port`, the port a number from 1 to 65535. Lint explains a problem with it;
 * the runtime refuses what it refuses (`parseRedisAddress`), so the two can never disagree.
 */
export function addressProblem(address: string): AddressProblem | undefined {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(address);
  if (scheme) {
    // Everything up to the last `@` is credentials (a password may itself hold `@` or `/`): never quoted.
    const afterScheme = address.slice(scheme[0].length);
    const rest = afterScheme.slice(afterScheme.lastIndexOf('@') + 1).replace(/[/?#].*$/, '');
    return { id: 'scheme', data: { scheme: scheme[1] as string, fixed: /:\d+$/.test(rest) ? rest : `${rest}:6379` } };
  }
  // `user:password@host:port` without a scheme: say so without quoting any of it (the password is a secret).
  if (address.includes('@')) return { id: 'credentials', data: {} };
  if (/[?#]/.test(address)) return { id: 'query', data: {} };
  let host: string;
  let port: string | undefined;
  if (address.startsWith('[')) {
    const m = /^\[([^\]]*)\](?::(.*))?$/.exec(address);
    if (!m) return { id: 'badHost', data: {} };
    host = m[1] as string;
    port = m[2];
    // Brackets hold an IPv6 address and nothing else.
    if (host !== '' && isIP(host) !== 6) return { id: 'brackets', data: { host, port: port || '6379' } };
  } else {
    const colons = address.split(':').length - 1;
    if (colons > 1) {
      const lastColon = address.lastIndexOf(':');
      return { id: 'ipv6', data: { host: address.slice(0, lastColon), port: address.slice(lastColon + 1) || '6379' } };
    }
    [host, port] = colons === 1 ? (address.split(':') as [string, string]) : [address, undefined];
  }
  // An IPv6 host keeps its brackets in the suggestion: `[::1]:6379`, never `::1:6379`.
  if (port === undefined) return host ? { id: 'noPort', data: { host: address.startsWith('[') ? `[${host}]` : host } } : { id: 'empty', data: {} };
  if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) return { id: 'badPort', data: { port } };
  if (!host) return { id: 'emptyHost', data: { port } };
  if (!address.startsWith('[') && !/^[A-Za-z0-9._-]+$/.test(host)) return { id: 'badHost', data: {} };
  return undefined;
}

/**
 * The addresses of a spec, parsed, each named for messages by its label when it has one (an
 * address from a secret is named by its reference, never by its value). Undefined where unparsable.
 */
export function specAddresses(addresses: readonly string[], labels: readonly (string | undefined)[] = []): Array<RedisAddress | undefined> {
  return addresses.map((text, i) => {
    const address = parseRedisAddress(text);
    const label = labels[i];
    return address && label !== undefined ? { ...address, text: label } : address;
  });
}

/** How an address is named in a message about it: its label, or `#n` with the shape of what it holds. */
export function unparsableAddress(text: string, index: number, label: string | undefined): string {
  return `address #${index + 1}${label === undefined ? '' : ` (${label})`} is ${addressShape(text)}; expected host:port (or [IPv6]:port)`;
}

/** `host:port` with IPv6 hosts bracketed, the form CLUSTER NODES and messages use. */
export function formatHostPort(host: string, port: number): string {
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}

/** `caches[i].redis.addresses[j]`: where a Redis address is written. */
export function isRedisAddressPath(path: readonly (string | number)[]): boolean {
  return path.length === 5 && path[0] === 'caches' && path[2] === 'redis' && path[3] === 'addresses';
}

/** An address with credentials (`user:pw@`) or a query string (`?password=`) in it. */
export function mayHoldCredentials(text: string): boolean {
  return /[@?#]/.test(text);
}

const KNOWN_SCHEMES = new Set(['redis', 'rediss', 'valkey', 'valkeys', 'tcp', 'tls', 'unix', 'http', 'https']);

/**
 * What is wrong with an address, in words that quote none of it: an address that came from a
 * secret or an environment variable may carry a password (`redis://u:pw@h:1`, `h:1?password=pw`).
 * "a URL with scheme redis:// and credentials", "an address with a query string", …
 */
export function addressShape(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return 'an empty address';
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(trimmed)?.[1]?.toLowerCase();
  const kind =
    scheme === undefined ? (trimmed.includes(':') ? 'an address that is not host:port' : 'a host without a port') : KNOWN_SCHEMES.has(scheme) ? `a URL with scheme ${scheme}://` : 'a URL';
  const extras: string[] = [];
  if (trimmed.includes('@')) extras.push('credentials');
  if (/[?#]/.test(trimmed)) extras.push('a query string (which may hold a password)');
  if (trimmed !== text) extras.push('spaces around it');
  return extras.length ? `${kind}${kind.includes(' with ') ? ' and ' : ' with '}${extras.join(' and ')}` : kind;
}
