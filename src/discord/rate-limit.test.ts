import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeRateLimit, RateLimiter } from './rate-limit.js';

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('RateLimiter', () => {
  it('allows the per-minute limit, then says how long until the oldest action is a minute old', () => {
    const clock = manualClock();
    const limiter = new RateLimiter(3, clock.now);
    expect(limiter.take('ana')).toBe(0);
    clock.advance(10_000);
    expect([limiter.take('ana'), limiter.take('ana')]).toEqual([0, 0]);
    expect(limiter.take('ana')).toBe(50_000);
    clock.advance(50_000);
    expect(limiter.take('ana')).toBe(0);
    expect(limiter.take('ana')).toBe(10_000);
  });

  it('does not count a refused action', () => {
    const clock = manualClock();
    const limiter = new RateLimiter(1, clock.now);
    limiter.take('ana');
    for (let i = 0; i < 59; i++) {
      clock.advance(1_000);
      limiter.take('ana');
    }
    clock.advance(1_000);
    expect(limiter.take('ana')).toBe(0);
  });

  it('limits each user on their own', () => {
    const limiter = new RateLimiter(1, manualClock().now);
    expect(limiter.take('ana')).toBe(0);
    expect(limiter.take('ana')).toBeGreaterThan(0);
    expect(limiter.take('bo')).toBe(0);
  });

  it('never remembers more than maxTracked users, however many come', () => {
    const clock = manualClock();
    const limiter = new RateLimiter(5, clock.now, 100);
    for (let i = 0; i < 10_000; i++) {
      limiter.take(`user-${i}`);
      clock.advance(1);
      expect(limiter.size).toBeLessThanOrEqual(100);
    }
  });

  it('forgets first the users with nothing in the last minute', () => {
    const clock = manualClock();
    const limiter = new RateLimiter(1, clock.now, 3);
    limiter.take('busy');
    clock.advance(30_000);
    limiter.take('a');
    limiter.take('b');
    clock.advance(31_000);
    // 'busy' is the least recently active, but 'a' and 'b' are still limited: only forgetting 'busy' is free.
    limiter.take('c');
    expect(limiter.size).toBe(3);
    expect(limiter.take('a')).toBeGreaterThan(0);
  });

  it('never allows more than the limit in any 60 seconds, whatever the timing (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.array(fc.integer({ min: 0, max: 5_000 }), { maxLength: 300 }), (perMinute, gaps) => {
        const clock = manualClock();
        const limiter = new RateLimiter(perMinute, clock.now);
        const allowed: number[] = [];
        for (const gap of gaps) {
          clock.advance(gap);
          const wait = limiter.take('ana');
          if (wait === 0) allowed.push(clock.now());
          else expect(wait).toBeLessThanOrEqual(60_000);
        }
        for (const [i, t] of allowed.entries()) expect(allowed.filter((u, j) => j >= i && u < t + 60_000).length).toBeLessThanOrEqual(perMinute);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a limit that is not a whole number of at least 1', () => {
    expect(() => new RateLimiter(0)).toThrow('rate-limit: perMinute must be a whole number of at least 1, not 0');
  });
});

describe('describeRateLimit', () => {
  it('says the limit and the wait in whole seconds', () => {
    expect(describeRateLimit(20, 12_001)).toBe("You're sending commands faster than this server allows (20 a minute); please try again in 13 seconds.");
    expect(describeRateLimit(20, 300)).toBe("You're sending commands faster than this server allows (20 a minute); please try again in 1 second.");
  });
});
