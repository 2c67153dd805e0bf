import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** `nxt_live_` or `nxt_test_`, then 43 base64url characters (256 random bits). */
export const API_KEY_FORMAT = /^nxt_(live|test)_[A-Za-z0-9_-]{43}$/;

export function generateApiKeySecret(environment: 'sandbox' | 'live'): string {
  return `nxt_${environment === 'live' ? 'live' : 'test'}_${randomBytes(32).toString('base64url')}`;
}

/** The keyed hash stored in place of the secret. A database leak alone reveals no usable key. */
export function hashApiKeySecret(secret: string, hashKey: Buffer): Buffer {
  return createHmac('sha256', hashKey).update(secret, 'utf8').digest();
}

export function secretHint(secret: string): string {
  return `${secret.slice(0, 9)}…${secret.slice(-4)}`;
}

/** Constant-time equality of two hashes. */
export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
