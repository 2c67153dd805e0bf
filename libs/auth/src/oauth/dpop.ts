import { createHash, JsonWebKey } from 'node:crypto';
import { calculateJwkThumbprint, compactVerify, decodeProtectedHeader } from 'jose';
import { ACCEPTED_JWS_ALGS, keyForAlg } from './jwt-algorithms';
import { ReplayStore } from './replay-store';

/** How far a proof's `iat` may be from the server's clock (RFC 9449 §11.1). */
export const DPOP_WINDOW_SECONDS = 60;

export class DpopProofError extends Error {}

export interface DpopCheck {
  method: string;
  /** The request URL without query or fragment, from PUBLIC_BASE_URL (RFC 9449 §4.3 `htu`). */
  url: string;
  /** The access token presented with the proof, for the `ath` check; absent at the token endpoint. */
  accessToken?: string;
}

/**
 * Verifies a DPoP proof JWT (RFC 9449 §4.3) and returns the RFC 7638 thumbprint of its key (`jkt`).
 * Checks `typ`, an accepted `alg`, a public `jwk`, the signature, `htm`, `htu`, `iat` within the
 * window, `ath` when a token is presented, and that `jti` was never seen before by any replica.
 */
export async function verifyDpopProof(
  proof: string | string[] | undefined,
  check: DpopCheck,
  replay: ReplayStore,
  now = Date.now(),
): Promise<string> {
  if (proof === undefined) throw new DpopProofError('a DPoP proof header is required');
  if (Array.isArray(proof) || proof.includes(',')) throw new DpopProofError('exactly one DPoP proof is allowed');
  let header;
  try {
    header = decodeProtectedHeader(proof);
  } catch {
    throw new DpopProofError('the DPoP proof is not a JWT');
  }
  if (header.typ !== 'dpop+jwt') throw new DpopProofError('typ must be dpop+jwt');
  if (!(ACCEPTED_JWS_ALGS as readonly string[]).includes(String(header.alg))) throw new DpopProofError('alg must be PS256, ES256 or EdDSA');
  const jwk = header.jwk as JsonWebKey | undefined;
  const key = jwk && keyForAlg(jwk, String(header.alg));
  if (!jwk || !key) throw new DpopProofError('jwk must be a public key fitting alg');
  let claims: Record<string, unknown>;
  try {
    const { payload } = await compactVerify(proof, key, { algorithms: [String(header.alg)] });
    claims = JSON.parse(Buffer.from(payload).toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new DpopProofError('the DPoP proof signature does not verify');
  }
  if (claims.htm !== check.method) throw new DpopProofError('htm does not match the request method');
  if (typeof claims.htu !== 'string' || stripped(claims.htu) !== check.url) throw new DpopProofError('htu does not match the request URL');
  const nowSeconds = Math.floor(now / 1000);
  if (typeof claims.iat !== 'number' || Math.abs(nowSeconds - claims.iat) > DPOP_WINDOW_SECONDS)
    throw new DpopProofError('iat is outside the accepted window');
  if (typeof claims.jti !== 'string' || claims.jti.length === 0 || claims.jti.length > 200) throw new DpopProofError('jti is required');
  if (check.accessToken !== undefined) {
    const ath = createHash('sha256').update(check.accessToken).digest('base64url');
    if (claims.ath !== ath) throw new DpopProofError('ath must be the hash of the access token');
  }
  const jkt = await calculateJwkThumbprint(jwk as Parameters<typeof calculateJwkThumbprint>[0]);
  const fresh = await replay.useOnce('dpop', `${jkt}:${claims.jti}`, new Date((claims.iat + 2 * DPOP_WINDOW_SECONDS) * 1000));
  if (!fresh) throw new DpopProofError('this DPoP proof was already used');
  return jkt;
}

function stripped(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url;
  }
}
