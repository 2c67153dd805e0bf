import { ExecutionContext, Injectable } from '@nestjs/common';
import { ApiError } from '@app/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { createHash } from 'node:crypto';

/**
 * 429 `rate_limited` with Retry-After (API.md §3), per client address across all routes, before
 * authentication (so it also slows credential guessing). Counted per process: with several replicas
 * each enforces RATE_LIMIT_PER_MINUTE on its own share of traffic.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return createHash('sha256').update(`${throttlerName}\0${tracker}`).digest('hex');
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new ApiError(429, 'rate_limited', 'Too many requests; retry after the number of seconds in Retry-After.', {
      headers: { 'Retry-After': String(Math.max(1, detail.timeToBlockExpire)) },
    });
  }
}
