import { createHash } from 'node:crypto';
import { requestDigest } from './request-digest';

describe('requestDigest', () => {
  it('hashes the RFC 8785 canonical form, so key order and spacing do not matter', () => {
    const digest = requestDigest({ b: '2', a: '1', n: null });
    expect(digest).toBe(requestDigest({ n: null, a: '1', b: '2' }));
    const expected = createHash('sha256').update('{"a":"1","b":"2","n":null}').digest('base64');
    expect(digest).toBe(`sha-256=:${expected}:`);
  });

  it('changes with any term', () => {
    expect(requestDigest({ amount: '100' })).not.toBe(requestDigest({ amount: '100.5' }));
  });
});
