import { createHash } from 'node:crypto';
import { parseDictionary } from './structured-fields';

const DIGESTS: Record<string, string> = { 'sha-256': 'sha256', 'sha-512': 'sha512' };

/**
 * Checks an RFC 9530 Content-Digest field against the body bytes as received. At least one member
 * must use an algorithm we know (sha-256, sha-512) and every such member must match.
 */
export function contentDigestMatches(field: string, body: Buffer): boolean {
  let known = 0;
  for (const [name, member] of parseDictionary(field)) {
    const algorithm = DIGESTS[name];
    if (!algorithm) continue;
    if (!Buffer.isBuffer(member.value)) return false;
    known += 1;
    if (!createHash(algorithm).update(body).digest().equals(member.value)) return false;
  }
  return known > 0;
}

/** `sha-256=:<base64>:` of `body`. */
export function contentDigest(body: Buffer, algorithm: 'sha-256' | 'sha-512' = 'sha-256'): string {
  return `${algorithm}=:${createHash(DIGESTS[algorithm]).update(body).digest('base64')}:`;
}
