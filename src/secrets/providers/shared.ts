/** Small helpers the built-in providers share: abort races, network error classification. */
import { SecretProviderError, type SecretProviderErrorKind } from '../provider.js';

/**
 * Settles with `promise`, or rejects with a `timeout` SecretProviderError as soon as `signal`
 * aborts: for clients that cannot take a signal themselves (node-vault), and as a backstop for
 * those that can. The losing promise is left to settle on its own (its rejection is swallowed).
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal, what: string): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(abortError(signal, what));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError(signal, what));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

export function abortError(signal: AbortSignal, what: string): SecretProviderError {
  const reason: unknown = signal.reason;
  if (reason instanceof SecretProviderError) return reason;
  return new SecretProviderError('timeout', `${what}: no answer before the request deadline`);
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
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
