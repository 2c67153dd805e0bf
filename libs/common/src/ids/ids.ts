import { randomBytes } from 'node:crypto';

/** Type prefixes of resource ids (API.md §2). */
export const ID_PREFIX = {
  organization: 'org',
  apiKey: 'key',
  oauthClient: 'cli',
  wallet: 'wal',
  transferRequest: 'tr',
  swapRequest: 'swp',
  bridgeRequest: 'brg',
  bulkRequest: 'blk',
  agentBatchRequest: 'agb',
  transaction: 'txn',
  report: 'rpt',
  approval: 'apr',
  request: 'req',
  ledgerAccount: 'acc',
  ledgerEntry: 'ent',
  hold: 'hld',
  allowlistEntry: 'alw',
} as const;
export type IdPrefix = (typeof ID_PREFIX)[keyof typeof ID_PREFIX];

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

/** An opaque id: the type prefix, `_`, and 26 base32 characters (130 random bits). */
export function newId(prefix: IdPrefix): string {
  const bytes = randomBytes(26);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte & 31];
  return `${prefix}_${out}`;
}

/** Whether `value` has the shape of an id with this prefix (says nothing of existence). */
export function isId(prefix: IdPrefix, value: unknown): value is string {
  return typeof value === 'string' && new RegExp(`^${prefix}_[0-9a-z]{26}$`).test(value);
}
