import { createHash } from 'node:crypto';
import { InvalidRequestError } from '@app/common';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** 1–255 printable ASCII characters (API.md §5). */
const VALID_KEY = /^[\x20-\x7e]{1,255}$/;

export function checkedIdempotencyKey(value: string | string[] | undefined): string {
  if (value === undefined) {
    throw new InvalidRequestError('An Idempotency-Key header is required on this request.', [
      { field: IDEMPOTENCY_HEADER, message: 'is required: 1 to 255 printable ASCII characters, e.g. a UUID' },
    ]);
  }
  if (Array.isArray(value) || !VALID_KEY.test(value)) {
    throw new InvalidRequestError('The Idempotency-Key header is malformed.', [
      { field: IDEMPOTENCY_HEADER, message: 'must be 1 to 255 printable ASCII characters' },
    ]);
  }
  return value;
}

/** Identifies "the same request": method, path and the exact body bytes. */
export function requestFingerprint(method: string, path: string, rawBody: Buffer | undefined): string {
  const bodyHash = createHash('sha256')
    .update(rawBody ?? Buffer.alloc(0))
    .digest('hex');
  return createHash('sha256').update(`${method.toUpperCase()} ${path}\n${bodyHash}`).digest('hex');
}

/** A 64-bit advisory-lock id for the key within its organization. */
export function lockId(organizationId: string, key: string): string {
  return createHash('sha256').update(`${organizationId}\0${key}`).digest().readBigInt64BE(0).toString();
}
