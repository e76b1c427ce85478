/**
 * The one place a deadline is raced: the resolver gives every provider call (and every provider
 * creation) an AbortSignal and settles when it aborts, whether or not the provider honours it.
 */
import { abortError } from './providers/shared.js';

/**
 * Settles with `promise`, or rejects with the signal's SecretProviderError (a `timeout` one
 * otherwise) as soon as `signal` aborts. The losing promise is left to settle on its own (its
 * rejection is swallowed).
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal, what: string): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(abortError(signal, what));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      promise.catch(() => undefined);
      reject(abortError(signal, what));
    };
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
