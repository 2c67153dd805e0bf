import { checkedIdempotencyKey, lockId, requestFingerprint } from './idempotency-key';

describe('Idempotency-Key', () => {
  it.each(['12345678-abcd-1234-abcd-1234567890ab', 'a', 'x'.repeat(255), 'key with spaces ~!@#'])('accepts %p', (key) => {
    expect(checkedIdempotencyKey(key)).toBe(key);
  });

  it.each([undefined, '', 'x'.repeat(256), 'tab\there', 'é', 'line\nbreak', ['a', 'b']])(
    'refuses %p with a 400 naming the header',
    (key) => {
      expect(() => checkedIdempotencyKey(key as string)).toThrow(
        expect.objectContaining({ status: 400, details: [expect.objectContaining({ field: 'Idempotency-Key' })] }),
      );
    },
  );

  it('fingerprints method, path and exact body bytes', () => {
    const base = requestFingerprint('POST', '/api/v1/transfer_requests', Buffer.from('{"amount":"1"}'));
    expect(requestFingerprint('post', '/api/v1/transfer_requests', Buffer.from('{"amount":"1"}'))).toBe(base);
    expect(requestFingerprint('POST', '/api/v1/transfer_requests', Buffer.from('{"amount": "1"}'))).not.toBe(base);
    expect(requestFingerprint('POST', '/api/v1/wallets', Buffer.from('{"amount":"1"}'))).not.toBe(base);
    expect(requestFingerprint('POST', '/api/v1/x', undefined)).toBe(requestFingerprint('POST', '/api/v1/x', Buffer.alloc(0)));
  });

  it('derives distinct 64-bit lock ids per organization and key', () => {
    expect(lockId('org_a', 'k')).toBe(lockId('org_a', 'k'));
    expect(lockId('org_a', 'k')).not.toBe(lockId('org_b', 'k'));
    expect(BigInt(lockId('org_a', 'k'))).toBeLessThan(2n ** 63n);
  });
});
