/** Users tracked at most; past this, users with nothing in the last minute are forgotten first. */
export const MAX_TRACKED_USERS = 10_000;
/**
 * Button presses a user may make in a minute, counted apart from commands: stepping through a
 * source a paragraph at a time or paging a timeline is many presses, each as cheap as a command's
 * smallest answer; two a second is faster than anyone reads, and still bounds a flood.
 */
export const PRESSES_PER_MINUTE = 120;
const WINDOW_MS = 60_000;

/**
 * A per-user limit on actions (commands, or button presses): at most `perMinute` in any 60
 * seconds. Pure: time comes from the injected clock. Memory stays bounded: each user keeps at most
 * `perMinute` timestamps, at most `maxTracked` users are remembered, and a user with nothing in
 * the last minute is the same as one never seen.
 */
export class RateLimiter {
  /** Each user's allowed actions in the last minute, oldest first; the map is in least-recently-active order. */
  private readonly recent = new Map<string, number[]>();

  constructor(
    readonly perMinute: number,
    private readonly clock: () => number = Date.now,
    private readonly maxTracked = MAX_TRACKED_USERS,
  ) {
    if (!Number.isInteger(perMinute) || perMinute < 1) throw new Error(`rate-limit: perMinute must be a whole number of at least 1, not ${perMinute}`);
  }

  /**
   * Takes one action for `userId` if the user has one left in the last minute; a refused action costs nothing.
   * @returns 0 when the action is allowed, otherwise the milliseconds until it would be
   */
  take(userId: string): number {
    const now = this.clock();
    const times = (this.recent.get(userId) ?? []).filter((t) => t > now - WINDOW_MS);
    if (times.length >= this.perMinute) return times[0]! + WINDOW_MS - now;
    times.push(now);
    this.recent.delete(userId);
    this.recent.set(userId, times);
    if (this.recent.size > this.maxTracked) this.forget(now);
    return 0;
  }

  /** Users currently remembered. */
  get size(): number {
    return this.recent.size;
  }

  /** Forgets users with nothing in the last minute, then, if still too many, the least recently active. */
  private forget(now: number): void {
    for (const [user, times] of this.recent) if (times.at(-1)! <= now - WINDOW_MS) this.recent.delete(user);
    if (this.recent.size <= this.maxTracked) return;
    // Down to 90%, so a server with more active users than the cap does not sweep on every action.
    const target = Math.floor(this.maxTracked * 0.9);
    for (const user of this.recent.keys()) {
      if (this.recent.size <= target) break;
      this.recent.delete(user);
    }
  }
}

/** The polite sentence a user gets when over the limit (`doing`: "sending commands", "pressing buttons"). */
export function describeRateLimit(perMinute: number, waitMs: number, doing = 'sending commands'): string {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return `You're ${doing} faster than this server allows (${perMinute} a minute); please try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
}
