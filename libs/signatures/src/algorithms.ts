import { constants, createHash, createPublicKey, JsonWebKey, KeyObject, verify } from 'node:crypto';

/** The RFC 9421 §3.3 algorithms accepted for approvals (API.md §6). */
export const SIGNATURE_ALGORITHMS = ['ed25519', 'ecdsa-p256-sha256', 'rsa-pss-sha512'] as const;
export type SignatureAlgorithm = (typeof SIGNATURE_ALGORITHMS)[number];

export class UnsupportedKeyError extends Error {}

/** The algorithm a public JWK signs with, or an error saying why the key is not accepted. */
export function algorithmForJwk(jwk: JsonWebKey): SignatureAlgorithm {
  if (jwk.d !== undefined || jwk.p !== undefined || jwk.k !== undefined)
    throw new UnsupportedKeyError('the JWK must be a public key (no private members)');
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'ed25519';
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ecdsa-p256-sha256';
  if (jwk.kty === 'RSA') {
    const bits = Buffer.from(String(jwk.n ?? ''), 'base64url').length * 8;
    if (bits < 2048) throw new UnsupportedKeyError(`RSA keys must be at least 2048 bits (this one is ${bits})`);
    return 'rsa-pss-sha512';
  }
  throw new UnsupportedKeyError('supported keys: OKP Ed25519, EC P-256, RSA (2048 bits or more)');
}

export function publicKeyOf(jwk: JsonWebKey): KeyObject {
  return createPublicKey({ key: jwk, format: 'jwk' });
}

/**
 * RFC 9421 §3.3.1 (rsa-pss-sha512), §3.3.4 (ecdsa-p256-sha256, r‖s), §3.3.6 (ed25519). RSA-PSS
 * verification detects the salt length: the RFC signs with 64 bytes, but widely used libraries sign
 * with the maximum, and the salt length does not weaken PSS.
 */
export function verifySignature(alg: SignatureAlgorithm, key: KeyObject, data: Buffer, signature: Buffer): boolean {
  switch (alg) {
    case 'ed25519':
      return verify(null, data, key, signature);
    case 'ecdsa-p256-sha256':
      return verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature);
    case 'rsa-pss-sha512':
      return verify(
        'sha512',
        data,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO },
        signature,
      );
  }
}

/** RFC 7638 JWK thumbprint (SHA-256, base64url): the signing key's `keyid`. */
export function jwkThumbprint(jwk: JsonWebKey): string {
  const required: Record<string, string[]> = { OKP: ['crv', 'kty', 'x'], EC: ['crv', 'kty', 'x', 'y'], RSA: ['e', 'kty', 'n'] };
  const members = required[String(jwk.kty)];
  if (!members) throw new UnsupportedKeyError(`unsupported key type ${String(jwk.kty)}`);
  const canonical = `{${members.map((name) => `"${name}":${JSON.stringify(String((jwk as Record<string, unknown>)[name]))}`).join(',')}}`;
  return createHash('sha256').update(canonical).digest('base64url');
}
