import type { Duplex } from 'node:stream';

/**
 * Coalesces the commands written to each socket in one tick into one write: the first command for a
 * socket corks it, and the end of the tick uncorks every socket corked in it. Commands still leave
 * one by one, in the order they were issued, and ioredis still handles each on its own (timeouts,
 * offline queue, and in a cluster MOVED/ASK retries), which its auto-pipelining does not: it sends a
 * tick's commands as one Pipeline, and a cluster retries a redirected Pipeline only when every reply
 * is the same redirection and the rest is read-only (ioredis issue 2075).
 */
export class TickBatch {
  readonly #corked = new Set<Duplex>();

  /** Corks `stream` until the end of this tick, once. */
  add(stream: Duplex): void {
    if (this.#corked.has(stream)) return;
    if (this.#corked.size === 0) process.nextTick(this.#flush);
    this.#corked.add(stream);
    stream.cork();
  }

  readonly #flush = (): void => {
    for (const stream of this.#corked) stream.uncork();
    this.#corked.clear();
  };
}
