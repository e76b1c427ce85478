/** Small helpers the built-in providers share: abort reasons, network error classification. */
import { SecretProviderError, type SecretProviderErrorKind } from '../provider.js';

/** The SecretProviderError an aborted signal stands for: its own reason, else a timeout. */
export function abortError(signal: AbortSignal, what: string): SecretProviderError {
  const reason: unknown = signal.reason;
  if (reason instanceof SecretProviderError) return reason;
  return new SecretProviderError('timeout', `${what}: no answer before the request deadline`);
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);
/** A kept-alive connection the server (or a proxy) closed under a request: worth one more try. */
const DROPPED_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/** The `code` of an error or of anything in its `cause` chain (network errors nest). */
export function errorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Classifies a transport-level failure by its code, or undefined when it is not one. */
export function networkKind(code: string | undefined): SecretProviderErrorKind | undefined {
  if (!code) return undefined;
  if (UNREACHABLE_CODES.has(code) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL')) return 'unreachable';
  if (TIMEOUT_CODES.has(code)) return 'timeout';
  if (DROPPED_CODES.has(code)) return 'dropped';
  return undefined;
}

/**
 * A cause safe to keep on a SecretProviderError: the original error's name and code only. Client
 * errors carry request configs (tokens in headers, AppRole secret ids in bodies) and response
 * bodies; none of that may travel with our errors, so the original object is not kept.
 */
export function safeCause(error: unknown): Error {
  const name = error instanceof Error ? error.name : typeof error;
  const code = errorCode(error);
  const cause = new Error(code ? `${name} (${code})` : name);
  cause.name = name;
  return cause;
}

/** Turns a value found in a secret store into the string the Orchestrator would substitute. */
export function stringifySecret(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a transport failure reads in a message. */
function networkText(kind: SecretProviderErrorKind): string {
  if (kind === 'timeout') return 'timed out';
  if (kind === 'dropped') return 'the connection was closed under the request';
  return 'cannot connect';
}

/**
 * A transport-level failure (no answer from the service) as a SecretProviderError whose message is
 * `<what> failed: <how> (<code>)`, or undefined when `error` is not one.
 */
export function networkError(error: unknown, what: string, hint = ''): SecretProviderError | undefined {
  const code = errorCode(error);
  const kind = networkKind(code);
  if (!kind) return undefined;
  return new SecretProviderError(kind, `${what} failed: ${networkText(kind)} (${code})${hint}`, { cause: safeCause(error) });
}
