import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * What a supervisor approves (API.md §6, "what you see is what you sign"): `sha-256=:<base64>:` of
 * the RFC 8785 canonical JSON of a request's immutable terms, in the RFC 9530 digest notation.
 */
export function requestDigest(terms: Record<string, string | number | boolean | null>): string {
  return `sha-256=:${createHash('sha256').update(canonicalize(terms)!, 'utf8').digest('base64')}:`;
}
