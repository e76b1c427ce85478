import { isIP } from 'node:net';

export interface RedisAddress {
  host: string;
  port: number;
  /** As written in the configuration, for messages. */
  text: string;
}

/**
 * Parses `host:port` or `[v6]:port`. Returns undefined for anything else (the linter's
 * `redis-address` rule explains what is wrong; here it is enough to refuse).
 */
export function parseRedisAddress(text: string): RedisAddress | undefined {
  const m = /^(?:\[([^\]]+)\]|([^:[\]/\s]+)):(\d{1,5})$/.exec(text);
  if (!m) return undefined;
  const host = m[1] ?? m[2] ?? '';
  if (m[1] !== undefined && isIP(host) !== 6) return undefined;
  const port = Number(m[3]);
  if (host === '' || port < 1 || port > 65535) return undefined;
  return { host, port, text };
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
