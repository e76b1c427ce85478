/** Latency and fault injection shared by the loopback test servers. */
export interface InjectedFailure {
  status: number;
  /** The raw body to send; each server has its own default error body for a status. */
  body?: string;
}

export class FaultPlan {
  /** Added before every answer. */
  delayMs = 0;
  #failures: InjectedFailure[] = [];
  #garbage = 0;
  #drops = 0;

  /** The next `count` requests fail with `status` (and `body`, else the server's usual error body). */
  failNext(count: number, status: number, body?: string): void {
    for (let i = 0; i < count; i++) this.#failures.push(body === undefined ? { status } : { status, body });
  }

  /** The next `count` requests answer 200 with a body that is not JSON. */
  garbageNext(count: number): void {
    this.#garbage += count;
  }

  /**
   * The next `count` requests get no answer: the server closes the connection under them, as a
   * load balancer does to an idle kept-alive connection (the client sees ECONNRESET).
   */
  dropNext(count: number): void {
    this.#drops += count;
  }

  reset(): void {
    this.delayMs = 0;
    this.#failures = [];
    this.#garbage = 0;
    this.#drops = 0;
  }

  /** Called once per request: what to inject, if anything. */
  take(): { kind: 'fail'; failure: InjectedFailure } | { kind: 'garbage' } | { kind: 'drop' } | undefined {
    if (this.#drops > 0) {
      this.#drops--;
      return { kind: 'drop' };
    }
    const failure = this.#failures.shift();
    if (failure) return { kind: 'fail', failure };
    if (this.#garbage > 0) {
      this.#garbage--;
      return { kind: 'garbage' };
    }
    return undefined;
  }
}

export const GARBAGE_BODY = '<html>502 upstream sent garbage {{{ not json';

/**
 * Waits `ms`. The timer does not keep the process alive: a client that gave up on a slow answer
 * has closed its socket, and the test file should be able to exit without waiting for it.
 */
export function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms).unref()) : Promise.resolve();
}
