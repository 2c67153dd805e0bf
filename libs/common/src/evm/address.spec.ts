import { parseEvmAddress } from './address';

describe('parseEvmAddress', () => {
  // EIP-55's own test vectors
  const vectors = [
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
  ];

  it.each(vectors)('accepts the checksummed %s', (address) => {
    expect(parseEvmAddress(address)).toBe(address);
  });

  it.each(vectors)('checksums the lower- and upper-case forms of %s', (address) => {
    expect(parseEvmAddress(address.toLowerCase())).toBe(address);
    expect(parseEvmAddress(`0x${address.slice(2).toUpperCase()}`)).toBe(address);
  });

  it('refuses a mixed-case address with a wrong checksum', () => {
    expect(parseEvmAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toBeNull();
  });

  it.each(['0x123...', '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae', 'zz5aaeb6053f3e94c9b9a09f33669435e7ef1beaed', 42, null])(
    'refuses %p',
    (value) => {
      expect(parseEvmAddress(value)).toBeNull();
    },
  );
});
