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

/** `host:port` with IPv6 hosts bracketed, the form CLUSTER NODES and messages use. */
export function formatHostPort(host: string, port: number): string {
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}
