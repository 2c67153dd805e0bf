import { createPublicKey, JsonWebKey, KeyObject } from 'node:crypto';

/** FAPI 2.0 §5.4: the only JWS algorithms accepted (never `none`, HS*, or RS256). */
export const ACCEPTED_JWS_ALGS = ['PS256', 'ES256', 'EdDSA'] as const;
export type AcceptedJwsAlg = (typeof ACCEPTED_JWS_ALGS)[number];

/** The public key of a JWK, if it fits `alg` (RSA of 2048 bits or more for PS256); null otherwise. */
export function keyForAlg(jwk: JsonWebKey, alg: string): KeyObject | null {
  if (jwk.d !== undefined) return null;
  const fits =
    (alg === 'PS256' && jwk.kty === 'RSA' && Buffer.from(String(jwk.n ?? ''), 'base64url').length * 8 >= 2048) ||
    (alg === 'ES256' && jwk.kty === 'EC' && jwk.crv === 'P-256') ||
    (alg === 'EdDSA' && jwk.kty === 'OKP' && jwk.crv === 'Ed25519');
  if (!fits) return null;
  try {
    return createPublicKey({ key: jwk, format: 'jwk' });
  } catch {
    return null;
  }
}

/** Whether a JWK can sign client assertions at all (any accepted algorithm fits it). */
export function isAcceptedClientKey(jwk: JsonWebKey): boolean {
  return ACCEPTED_JWS_ALGS.some((alg) => keyForAlg(jwk, alg) !== null);
}
