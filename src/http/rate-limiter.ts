import { VigilError } from '../domain/errors.js';

/**
 * A fixed-window counter per key (a client address) in memory: enough for one server process,
 * and it holds no personal data beyond addresses for one window.
 */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one hit for `key`; throws rate_limited (429) past the limit. */
  hit(key: string, now = Date.now()): void {
    const current = this.windows.get(key);
    if (!current || now - current.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.prune(now);
      this.windows.set(key, { start: now, count: 1 });
      return;
    }
    current.count++;
    if (current.count > this.limit)
      throw new VigilError('rate_limited', 'too many requests; try again later');
  }

  private prune(now: number) {
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}
