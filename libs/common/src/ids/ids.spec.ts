import { isId, newId } from './ids';

describe('ids', () => {
  it('are type-prefixed, opaque and unique', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId('wal')));
    expect(ids.size).toBe(10_000);
    for (const id of [...ids].slice(0, 50)) expect(isId('wal', id)).toBe(true);
    expect(isId('txn', newId('wal'))).toBe(false);
  });
});
