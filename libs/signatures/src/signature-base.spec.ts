import { createPublicKey, JsonWebKey } from 'node:crypto';
import { algorithmForJwk, jwkThumbprint, publicKeyOf, verifySignature } from './algorithms';
import { contentDigest, contentDigestMatches } from './content-digest';
import { SignedMessage, signatureBase } from './signature-base';
import { Item, parseDictionary } from './structured-fields';

// RFC 9421 Appendix B.1: the example keys (public halves).
const RSA_PSS_PUBLIC = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAr4tmm3r20Wd/PbqvP1s2
+QEtvpuRaV8Yq40gjUR8y2Rjxa6dpG2GXHbPfvMs8ct+Lh1GH45x28Rw3Ry53mm+
oAXjyQ86OnDkZ5N8lYbggD4O3w6M6pAvLkhk95AndTrifbIFPNU8PPMO7OyrFAHq
gDsznjPFmTOtCEcN2Z1FpWgchwuYLPL+Wokqltd11nqqzi+bJ9cvSKADYdUAAN5W
Utzdpiy6LbTgSxP7ociU4Tn0g5I6aDZJ7A8Lzo0KSyZYoA485mqcO0GVAdVw9lq4
aOT9v6d+nb4bnNkQVklLQ3fVAvJm+xdDOp9LCNCN48V2pnDOkFV6+U9nV5oyc6XI
2wIDAQAB
-----END PUBLIC KEY-----`;
const P256_PUBLIC = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEqIVYZVLCrPZHGHjP17CTW0/+D9Lf
w0EkjqF7xB4FivAxzic30tMM4GF+hR6Dxh71Z50VGGdldkkDXZCnTNnoXQ==
-----END PUBLIC KEY-----`;
const ED25519_PUBLIC = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=
-----END PUBLIC KEY-----`;

const jwkOf = (pem: string) => createPublicKey(pem).export({ format: 'jwk' }) as JsonWebKey;

// RFC 9421 Appendix B.2: the test request and response.
const REQUEST: SignedMessage = {
  method: 'POST',
  targetUri: new URL('https://example.com/foo?param=Value&Pet=dog'),
  headers: {
    host: 'example.com',
    date: 'Tue, 20 Apr 2021 02:07:55 GMT',
    'content-type': 'application/json',
    'content-digest': 'sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:',
    'content-length': '18',
  },
};
const RESPONSE: SignedMessage = {
  status: 200,
  headers: {
    date: 'Tue, 20 Apr 2021 02:07:56 GMT',
    'content-type': 'application/json',
    'content-digest': 'sha-512=:mEWXIS7MaLRuGgxOBdODa3xqM1XdEvxoYhvlCFJ41QJgJc4GTsPp29l5oGX69wWdXymyU0rjJuahq4l5aGgfLQ==:',
    'content-length': '23',
  },
};

/** Parses the example's two fields and returns the base and signature of `label`. */
function example(message: SignedMessage, signatureInput: string, signature: string, label: string) {
  const input = parseDictionary(signatureInput).get(label)!;
  return {
    base: signatureBase(message, input.value as Item[], input.raw),
    signature: parseDictionary(signature).get(label)!.value as Buffer,
  };
}

describe('RFC 9421 signature base (Appendix B.2)', () => {
  it('B.2.1 minimal signature (rsa-pss-sha512): base and the published signature', () => {
    const { base, signature } = example(
      REQUEST,
      'sig-b21=();created=1618884473;keyid="test-key-rsa-pss";nonce="b3k2pp5k7z-50gnwp.yemd"',
      'sig-b21=:d2pmTvmbncD3xQm8E9ZV2828BjQWGgiwAaw5bAkgibUopemLJcWDy/lkbbHAve4cRAtx31Iq786U7it++wgGxbtRxf8Udx7zFZsckzXaJMkA7ChG52eSkFxykJeNqsrWH5S+oxNFlD4dzVuwe8DhTSja8xxbR/Z2cOGdCbzR72rgFWhzx2VjBqJzsPLMIQKhO4DGezXehhWwE56YCE+O6c0mKZsfxVrogUvA4HELjVKWmAvtl6UnCh8jYzuVG5WSb/QEVPnP5TmcAnLH1g+s++v6d4s8m0gCw1fV5/SITLq9mhho8K3+7EPYTU8IU1bLhdxO5Nyt8C8ssinQ98Xw9Q==:',
      'sig-b21',
    );
    expect(base).toBe('"@signature-params": ();created=1618884473;keyid="test-key-rsa-pss";nonce="b3k2pp5k7z-50gnwp.yemd"');
    expect(verifySignature('rsa-pss-sha512', createPublicKey(RSA_PSS_PUBLIC), Buffer.from(base), signature)).toBe(true);
  });

  it('B.2.3 full coverage (rsa-pss-sha512): base and the published signature', () => {
    const { base, signature } = example(
      REQUEST,
      'sig-b23=("date" "@method" "@path" "@query" "@authority" "content-type" "content-digest" "content-length");created=1618884473;keyid="test-key-rsa-pss"',
      'sig-b23=:bbN8oArOxYoyylQQUU6QYwrTuaxLwjAC9fbY2F6SVWvh0yBiMIRGOnMYwZ/5MR6fb0Kh1rIRASVxFkeGt683+qRpRRU5p2voTp768ZrCUb38K0fUxN0O0iC59DzYx8DFll5GmydPxSmme9v6ULbMFkl+V5B1TP/yPViV7KsLNmvKiLJH1pFkh/aYA2HXXZzNBXmIkoQoLd7YfW91kE9o/CCoC1xMy7JA1ipwvKvfrs65ldmlu9bpG6A9BmzhuzF8Eim5f8ui9eH8LZH896+QIF61ka39VBrohr9iyMUJpvRX2Zbhl5ZJzSRxpJyoEZAFL2FUo5fTIztsDZKEgM4cUA==:',
      'sig-b23',
    );
    expect(base).toBe(
      [
        '"date": Tue, 20 Apr 2021 02:07:55 GMT',
        '"@method": POST',
        '"@path": /foo',
        '"@query": ?param=Value&Pet=dog',
        '"@authority": example.com',
        '"content-type": application/json',
        '"content-digest": sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:',
        '"content-length": 18',
        '"@signature-params": ("date" "@method" "@path" "@query" "@authority" "content-type" "content-digest" "content-length");created=1618884473;keyid="test-key-rsa-pss"',
      ].join('\n'),
    );
    expect(verifySignature('rsa-pss-sha512', createPublicKey(RSA_PSS_PUBLIC), Buffer.from(base), signature)).toBe(true);
  });

  it('B.2.4 response signature (ecdsa-p256-sha256): base and the published signature', () => {
    const { base, signature } = example(
      RESPONSE,
      'sig-b24=("@status" "content-type" "content-digest" "content-length");created=1618884473;keyid="test-key-ecc-p256"',
      'sig-b24=:wNmSUAhwb5LxtOtOpNa6W5xj067m5hFrj0XQ4fvpaCLx0NKocgPquLgyahnzDnDAUy5eCdlYUEkLIj+32oiasw==:',
      'sig-b24',
    );
    expect(base).toBe(
      [
        '"@status": 200',
        '"content-type": application/json',
        '"content-digest": sha-512=:mEWXIS7MaLRuGgxOBdODa3xqM1XdEvxoYhvlCFJ41QJgJc4GTsPp29l5oGX69wWdXymyU0rjJuahq4l5aGgfLQ==:',
        '"content-length": 23',
        '"@signature-params": ("@status" "content-type" "content-digest" "content-length");created=1618884473;keyid="test-key-ecc-p256"',
      ].join('\n'),
    );
    expect(verifySignature('ecdsa-p256-sha256', createPublicKey(P256_PUBLIC), Buffer.from(base), signature)).toBe(true);
  });

  it('B.2.6 ed25519: base and the published signature', () => {
    const { base, signature } = example(
      REQUEST,
      'sig-b26=("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
      'sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:',
      'sig-b26',
    );
    expect(base).toBe(
      [
        '"date": Tue, 20 Apr 2021 02:07:55 GMT',
        '"@method": POST',
        '"@path": /foo',
        '"@authority": example.com',
        '"content-type": application/json',
        '"content-length": 18',
        '"@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
      ].join('\n'),
    );
    const key = publicKeyOf(jwkOf(ED25519_PUBLIC));
    expect(verifySignature('ed25519', key, Buffer.from(base), signature)).toBe(true);
    const tampered = Buffer.from(signature);
    tampered[0] ^= 1;
    expect(verifySignature('ed25519', key, Buffer.from(base), tampered)).toBe(false);
    expect(verifySignature('ed25519', key, Buffer.from(base.replace('/foo', '/bar')), signature)).toBe(false);
  });

  it('derives the other request components', () => {
    const components = parseDictionary('s=("@target-uri" "@scheme" "@request-target")').get('s')!;
    expect(
      signatureBase(REQUEST, components.value as Item[], components.raw)
        .split('\n')
        .slice(0, 3),
    ).toEqual([
      '"@target-uri": https://example.com/foo?param=Value&Pet=dog',
      '"@scheme": https',
      '"@request-target": /foo?param=Value&Pet=dog',
    ]);
  });

  it('refuses a covered field the message does not have, and unsupported components', () => {
    const missing = parseDictionary('s=("x-missing")').get('s')!;
    expect(() => signatureBase(REQUEST, missing.value as Item[], missing.raw)).toThrow(/not in the message/);
    const queryParam = parseDictionary('s=("@query-param";name="Pet")').get('s')!;
    expect(() => signatureBase(REQUEST, queryParam.value as Item[], queryParam.raw)).toThrow();
  });
});

describe('RFC 9530 Content-Digest', () => {
  const body = Buffer.from('{"hello": "world"}');

  it('reproduces the RFC examples and checks them against the bytes', () => {
    expect(contentDigest(body, 'sha-256')).toBe('sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:');
    expect(contentDigest(body, 'sha-512')).toBe(REQUEST.headers['content-digest']);
    expect(contentDigestMatches(REQUEST.headers['content-digest'] as string, body)).toBe(true);
    expect(contentDigestMatches('sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:', Buffer.from('{"hello":"world"}'))).toBe(false);
    expect(contentDigestMatches('md5=:AAAA:', body)).toBe(false);
  });
});

describe('signing keys', () => {
  it('map JWKs to algorithms and refuse weak or private keys', () => {
    expect(algorithmForJwk(jwkOf(ED25519_PUBLIC))).toBe('ed25519');
    expect(algorithmForJwk(jwkOf(P256_PUBLIC))).toBe('ecdsa-p256-sha256');
    expect(algorithmForJwk(jwkOf(RSA_PSS_PUBLIC))).toBe('rsa-pss-sha512');
    expect(() => algorithmForJwk({ kty: 'RSA', n: Buffer.alloc(128).toString('base64url'), e: 'AQAB' })).toThrow(/2048/);
    expect(() => algorithmForJwk({ ...jwkOf(ED25519_PUBLIC), d: 'secret' })).toThrow(/public/);
    expect(() => algorithmForJwk({ kty: 'EC', crv: 'P-384', x: 'a', y: 'b' })).toThrow();
  });

  it('RFC 7638 thumbprint, checked against the RFC 8037 example', () => {
    // RFC 8037 Appendix A.3: the thumbprint of its Ed25519 example key.
    expect(jwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' })).toBe(
      'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k',
    );
  });
});
