import { CacheError, type CacheErrorCode } from './cache.js';

export type RedisFailureKind = 'unreachable' | 'auth' | 'tls' | 'timeout' | 'unavailable' | 'command';

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'ETIMEDOUT']);
const TLS_CODES = /^(ERR_SSL_|ERR_TLS_|UNABLE_TO_|CERT_|DEPTH_ZERO_|SELF_SIGNED_|ERR_OSSL_|HOSTNAME_MISMATCH)/;
const TLS_TEXT = /certificate|\bssl\b|\btls|wrong version number|handshake|protocol version|self[- ]signed|altnames/i;
const AUTH_TEXT = /^(WRONGPASS|NOAUTH|NOPERM)\b|invalid username-password|Authentication required/i;

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function classifyRedisError(err: unknown): RedisFailureKind {
  const code = codeOf(err);
  const message = messageOf(err);
  if (err instanceof CacheError) {
    if (err.code === 'ECACHE_TIMEOUT') return 'timeout';
    if (err.code === 'ECACHE_UNAVAILABLE') return 'unavailable';
  }
  if (AUTH_TEXT.test(message)) return 'auth';
  if (TLS_CODES.test(code) || TLS_TEXT.test(message)) return 'tls';
  if (UNREACHABLE.has(code) || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH/.test(message)) return 'unreachable';
  if (/timed? ?out|timeout/i.test(message)) return 'timeout';
  if (/Connection is closed|Stream isn't writeable|MaxRetriesPerRequest|ECONNRESET|EPIPE|ClusterAllFailed|Failed to refresh slots|None of startup nodes|All sentinels are unreachable|CLUSTERDOWN|LOADING|closed/i.test(message + code)) {
    return 'unavailable';
  }
  return 'command';
}

/**
 * A one-line reason fit for a message. Redis replies and socket errors carry no values, but a
 * Redis "unknown command" reply echoes arguments, and ioredis errors carry the command's arguments
 * as a property: only the first line of the message survives, with any echoed arguments cut.
 */
export function safeReason(err: unknown): string {
  const code = codeOf(err);
  let text = messageOf(err).split('\n', 1)[0] ?? '';
  // OpenSSL's "80AC…:error:0A00042E:SSL routines:fn:reason:file:line" → its reason.
  const ssl = /:SSL routines:[^:]*:([^:]+)/.exec(text);
  if (ssl?.[1]) text = ssl[1];
  text = text.replace(/,? with args beginning with:.*$/i, '').slice(0, 200);
  if (code && !text.includes(code)) text = `${code}: ${text}`;
  return text || 'unknown error';
}

/** A stand-in for a client error that keeps its message and code but none of its properties. */
export function sanitizedCause(err: unknown): Error {
  const cause = new Error(safeReason(err));
  const code = codeOf(err);
  if (code) (cause as Error & { code?: string }).code = code;
  cause.name = err instanceof Error ? err.name : 'Error';
  return cause;
}

const CODES: Record<RedisFailureKind, CacheErrorCode> = {
  unreachable: 'ECACHE_UNAVAILABLE',
  unavailable: 'ECACHE_UNAVAILABLE',
  auth: 'ECACHE_UNAVAILABLE',
  tls: 'ECACHE_UNAVAILABLE',
  timeout: 'ECACHE_TIMEOUT',
  command: 'ECACHE_COMMAND',
};

export function toCacheError(err: unknown, cache: string, operation: string): CacheError {
  if (err instanceof CacheError) return err;
  const kind = classifyRedisError(err);
  return new CacheError(CODES[kind], cache, `cache "${cache}": ${operation} failed: ${safeReason(err)}`, {
    cause: sanitizedCause(err),
  });
}
