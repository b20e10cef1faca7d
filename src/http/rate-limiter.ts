import type { AppContext } from '../app/context.js';
import { VigilError } from '../domain/errors.js';
import { countHit, pruneWindows } from '../store/rate-windows.js';

/**
 * A fixed-window counter per client address for one route (`bucket`), kept in the database so
 * that every server process on it counts together: one upsert per hit on the limited route.
 */
export class RateLimiter {
  /**
   * When this process last pruned ended windows. Only paces the clean-up (at most once a window
   * per process), so it may differ between processes without changing what is counted.
   */
  private prunedAt = 0;

  constructor(
    private readonly ctx: AppContext,
    private readonly bucket: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one hit for `address`; throws rate_limited (429) past the limit. */
  async hit(address: string): Promise<void> {
    const now = new Date();
    const db = this.ctx.store.handle.db;
    const hits = await countHit(db, this.bucket, address, now, this.windowMs);
    // A new window is the moment old ones may have ended: prune then, not on every hit.
    if (hits === 1 && now.getTime() - this.prunedAt >= this.windowMs) {
      this.prunedAt = now.getTime();
      await pruneWindows(db, this.bucket, now, this.windowMs);
    }
    if (hits > this.limit) throw new VigilError('rate_limited', 'too many requests; try again later');
  }
}
