/**
 * Waiting without timing: a test waits for a condition, and only a hang guard, far above any
 * deadline of the code under test, turns "not yet" into a failure. No test asserts how long
 * something took; `npm run bench` measures that.
 */
import { setTimeout as delay } from 'node:timers/promises';

/** Long enough that a loaded 2-core machine never trips it; short enough to fail before the runner's own kill. */
export const HANG_GUARD_MS = 60_000;

/** Resolves once `check()` holds; throws naming `what` if it still does not after the hang guard. */
export async function eventually(what: string, check: () => boolean, guardMs = HANG_GUARD_MS): Promise<void> {
  const until = Date.now() + guardMs;
  for (;;) {
    try {
      if (check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await delay(50);
  }
}

/** Settles with `promise`, or throws naming `what` if it has not settled by the hang guard. */
export async function settles<T>(what: string, promise: Promise<T>, guardMs = HANG_GUARD_MS): Promise<T> {
  const guard = new AbortController();
  try {
    return await Promise.race([promise, delay(guardMs, undefined, { signal: guard.signal }).then(() => Promise.reject(new Error(`${what} did not settle`)))]);
  } finally {
    guard.abort();
  }
}

/**
 * The sockets and timers this process still holds, once they are gone or the hang guard is reached:
 * closing is asynchronous, so a fixed sleep before looking would be a timing assumption.
 */
export async function openHandles(kinds: readonly string[] = ['TCPSocketWrap', 'TLSWrap', 'TCPWrap', 'TCPServerWrap', 'Timeout'], guardMs = 10_000): Promise<string[]> {
  const open = () => process.getActiveResourcesInfo().filter((r) => kinds.includes(r));
  await eventually('open handles to close', () => open().length === 0, guardMs).catch(() => undefined);
  return open();
}
