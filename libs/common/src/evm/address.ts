import { getAddress } from 'viem';

const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/**
 * The EIP-55 form of an EVM address, or null when it is not one. All-lower or all-upper hex is
 * accepted as unchecksummed; mixed case must be a valid EIP-55 checksum.
 */
export function parseEvmAddress(value: unknown): string | null {
  if (typeof value !== 'string' || !HEX_ADDRESS.test(value)) return null;
  const checksummed = getAddress(value.toLowerCase());
  const hex = value.slice(2);
  const mixedCase = hex !== hex.toLowerCase() && hex !== hex.toUpperCase();
  return mixedCase && value !== checksummed ? null : checksummed;
}
