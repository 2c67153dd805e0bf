import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  organization_id: string;
  actor: string;
  action: string;
  resource_id: string;
  data: Record<string, unknown>;
  created_at: string;
}

/** The chain link: SHA-256 over the previous hash, a newline, and the canonical JSON of the content. */
export function auditHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalize(content)}`)
    .digest('hex');
}
