import { createHash, generateKeyPairSync, JsonWebKey, KeyObject, randomUUID } from 'node:crypto';
import { OAuthClientsService, ServerKeysService } from '@app/auth';
import { OPERATOR_ACTOR } from '@app/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SignJWT } from 'jose';
import { Issuer } from 'openid-client';
import { Factory } from './support/factory';
import { freePort } from './support/processes';
import { createTestApp } from './support/test-app';

const DESTINATION = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

/** API.md §4: the OAuth 2.0 path, FAPI 2.0 aligned (private_key_jwt + DPoP). */
describe('OAuth 2.0 client credentials with DPoP', () => {
  let app: NestExpressApplication;
  let factory: Factory;
  let base: string;
  let token: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = await createTestApp({ PUBLIC_BASE_URL: base });
    await app.listen(port, '127.0.0.1');
    factory = new Factory(app);
    token = `${base}/api/v1/oauth/token`;
  });
  afterAll(() => app.close());

  async function client(scopes = ['treasury:read', 'transfers:write'], alg: 'ES256' | 'EdDSA' | 'PS256' = 'ES256') {
    const { organization } = await factory.tenant();
    await factory.fund(await factory.wallet(organization.id), 'USDC', '1000');
    const pair =
      alg === 'ES256'
        ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
        : alg === 'EdDSA'
          ? generateKeyPairSync('ed25519')
          : generateKeyPairSync('rsa', { modulusLength: 2048 });
    const created = await app.get(OAuthClientsService).create(
      {
        organizationId: organization.id,
        name: 'ERP',
        scopes,
        roles: ['operator'],
        approved: true,
        jwk: pair.publicKey.export({ format: 'jwk' }),
      },
      OPERATOR_ACTOR,
    );
    return { id: created.id, organization, privateKey: pair.privateKey, alg };
  }

  function assertion(c: { id: string; privateKey: KeyObject; alg: string }, claims: Record<string, unknown> = {}) {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: c.id, sub: c.id, aud: base, iat: now, exp: now + 60, jti: randomUUID(), ...claims })
      .setProtectedHeader({ alg: c.alg })
      .sign(c.privateKey);
  }

  const dpopKey = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
  async function proof(
    key: { privateKey: KeyObject; publicKey: KeyObject },
    htm: string,
    htu: string,
    accessToken?: string,
    claims: Record<string, unknown> = {},
  ) {
    return new SignJWT({
      htm,
      htu,
      iat: Math.floor(Date.now() / 1000),
      jti: randomUUID(),
      ...(accessToken ? { ath: createHash('sha256').update(accessToken).digest('base64url') } : {}),
      ...claims,
    })
      .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: key.publicKey.export({ format: 'jwk' }) as { kty: string } })
      .sign(key.privateKey);
  }

  async function requestToken(form: Record<string, string>, headers: Record<string, string> = {}) {
    const response = await fetch(token, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form),
    });
    return { status: response.status, body: (await response.json()) as Record<string, string>, headers: response.headers };
  }

  async function dpopToken(c: Awaited<ReturnType<typeof client>>, key = dpopKey()) {
    const result = await requestToken(
      {
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: await assertion(c),
      },
      { DPoP: await proof(key, 'POST', token) },
    );
    expect(result.status).toBe(200);
    return { accessToken: result.body.access_token, key };
  }

  it('a standard OAuth client (openid-client) discovers the server, gets a DPoP token with private_key_jwt, and calls the API', async () => {
    const c = await client();
    const issuer = await Issuer.discover(`${base}/.well-known/oauth-authorization-server`);
    expect(issuer.metadata).toMatchObject({ issuer: base, token_endpoint: token, jwks_uri: `${base}/.well-known/jwks.json` });
    const oauth = new issuer.Client(
      { client_id: c.id, token_endpoint_auth_method: 'private_key_jwt', token_endpoint_auth_signing_alg: 'ES256' },
      { keys: [{ ...(c.privateKey.export({ format: 'jwk' }) as Record<string, string>), alg: 'ES256', kid: 'client-key' }] },
    );
    const dpop = dpopKey().privateKey;
    const tokens = await oauth.grant(
      { grant_type: 'client_credentials', scope: 'treasury:read transfers:write' },
      { clientAssertionPayload: { aud: base }, DPoP: dpop },
    );
    expect(tokens.token_type).toBe('DPoP');
    expect(tokens.expires_in).toBeLessThanOrEqual(600);

    const me = await oauth.requestResource(`${base}/api/v1/me`, tokens, { DPoP: dpop });
    expect(me.statusCode).toBe(200);
    expect(JSON.parse(me.body!.toString())).toMatchObject({
      object: 'identity',
      id: c.id,
      type: 'oauth_client',
      token_binding: 'dpop',
      organization: { id: c.organization.id },
    });

    const transfer = await oauth.requestResource(`${base}/api/v1/transfer_requests`, tokens, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ amount: '10', currency: 'USDC', destination: DESTINATION }),
      DPoP: dpop,
    });
    expect(transfer.statusCode).toBe(201);
    expect(JSON.parse(transfer.body!.toString())).toMatchObject({ status: 'processing', created_by: c.id });
  });

  it('publishes RFC 8414 metadata and a JWKS whose key signed the token; access tokens are RFC 9068 JWTs', async () => {
    const c = await client();
    const { accessToken } = await dpopToken(c);
    const [header, payload] = accessToken
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toMatchObject({ typ: 'at+jwt', alg: 'ES256', kid: expect.any(String) });
    expect(payload).toMatchObject({
      iss: base,
      sub: c.id,
      aud: base,
      client_id: c.id,
      scope: 'treasury:read transfers:write',
      cnf: { jkt: expect.any(String) },
    });
    expect(payload.exp - payload.iat).toBeLessThanOrEqual(600);
    const jwks = (await (await fetch(`${base}/.well-known/jwks.json`)).json()) as { keys: JsonWebKey[] };
    expect(jwks.keys.map((key) => (key as { kid: string }).kid)).toContain(header.kid);
    expect(jwks.keys.every((key) => key.d === undefined)).toBe(true);
  });

  it('accepts EdDSA and PS256 client assertions too', async () => {
    for (const alg of ['EdDSA', 'PS256'] as const) await dpopToken(await client(undefined, alg));
  });

  it('refuses bad client assertions with invalid_client (RFC 6749 §5.2 inside the envelope)', async () => {
    const c = await client();
    const other = await client();
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify({ iss: c.id, sub: c.id, aud: base, exp: now + 60, jti: randomUUID() })).toString('base64url')}.`;
    const hs256 = await new SignJWT({ jti: randomUUID() })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(c.id)
      .setSubject(c.id)
      .setAudience(base)
      .setExpirationTime(now + 60)
      .sign(Buffer.alloc(32, 1));
    const replayed = await assertion(c);
    const cases: [string, string][] = [
      ['alg none', unsigned],
      ['HS256', hs256],
      [
        'expired',
        await new SignJWT({ jti: randomUUID() })
          .setProtectedHeader({ alg: 'ES256' })
          .setIssuer(c.id)
          .setSubject(c.id)
          .setAudience(base)
          .setIssuedAt(now - 120)
          .setExpirationTime(now - 60)
          .sign(c.privateKey),
      ],
      ['iat 2 minutes ahead', await assertion(c, { iat: now + 120, exp: now + 180 })],
      ['wrong aud', await assertion(c, { aud: 'https://elsewhere.example' })],
      [
        'array aud',
        await new SignJWT({ jti: randomUUID(), aud: [base, token] })
          .setProtectedHeader({ alg: 'ES256' })
          .setIssuer(c.id)
          .setSubject(c.id)
          .setExpirationTime(now + 60)
          .sign(c.privateKey),
      ],
      ["another client's key", await assertion({ ...c, privateKey: other.privateKey })],
    ];
    for (const [label, jwt] of cases) {
      const result = await requestToken(
        {
          grant_type: 'client_credentials',
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
          client_assertion: jwt,
        },
        { DPoP: await proof(dpopKey(), 'POST', token) },
      );
      expect({ label, status: result.status, error: result.body.error }).toEqual({ label, status: 401, error: 'invalid_client' });
      expect(result.body.error_description).toEqual(expect.any(String));
    }
    const form = {
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: replayed,
    };
    expect((await requestToken(form, { DPoP: await proof(dpopKey(), 'POST', token) })).status).toBe(200);
    const again = await requestToken(form, { DPoP: await proof(dpopKey(), 'POST', token) });
    expect({ status: again.status, error: again.body.error }).toEqual({ status: 401, error: 'invalid_client' });
  });

  it('refuses no sender constraint, an unknown scope and the password grant', async () => {
    const c = await client();
    const base_form = { grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' };
    const unbound = await requestToken({ ...base_form, client_assertion: await assertion(c) });
    expect(unbound).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    const scope = await requestToken(
      { ...base_form, client_assertion: await assertion(c), scope: 'treasury:read reports:write' },
      { DPoP: await proof(dpopKey(), 'POST', token) },
    );
    expect(scope).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    const password = await requestToken({ grant_type: 'password', username: 'a', password: 'b' });
    expect(password).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type', error_description: expect.any(String) } });
    const ok = await requestToken({ ...base_form, client_assertion: await assertion(c) }, { DPoP: await proof(dpopKey(), 'POST', token) });
    expect(ok.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses bad DPoP use at the resource server', async () => {
    const c = await client();
    const { accessToken, key } = await dpopToken(c);
    const me = `${base}/api/v1/me`;
    const call = async (headers: Record<string, string>, url = me) => {
      const response = await fetch(url, { headers });
      return {
        status: response.status,
        body: (await response.json()) as Record<string, string>,
        challenge: response.headers.get('www-authenticate'),
      };
    };
    const good = await proof(key, 'GET', me, accessToken);
    expect((await call({ Authorization: `DPoP ${accessToken}`, DPoP: good })).status).toBe(200);
    const cases: [string, Record<string, string>, string][] = [
      ['replayed proof', { Authorization: `DPoP ${accessToken}`, DPoP: good }, 'invalid_dpop_proof'],
      [
        'proof for another URL',
        { Authorization: `DPoP ${accessToken}`, DPoP: await proof(key, 'GET', `${base}/api/v1/wallets`, accessToken) },
        'invalid_dpop_proof',
      ],
      [
        'proof for another method',
        { Authorization: `DPoP ${accessToken}`, DPoP: await proof(key, 'POST', me, accessToken) },
        'invalid_dpop_proof',
      ],
      [
        'proof by another key',
        { Authorization: `DPoP ${accessToken}`, DPoP: await proof(dpopKey(), 'GET', me, accessToken) },
        'invalid_dpop_proof',
      ],
      ['missing ath', { Authorization: `DPoP ${accessToken}`, DPoP: await proof(key, 'GET', me) }, 'invalid_dpop_proof'],
      [
        'stale iat',
        {
          Authorization: `DPoP ${accessToken}`,
          DPoP: await proof(key, 'GET', me, accessToken, { iat: Math.floor(Date.now() / 1000) - 600 }),
        },
        'invalid_dpop_proof',
      ],
      ['no proof', { Authorization: `DPoP ${accessToken}` }, 'invalid_dpop_proof'],
      ['DPoP token sent as Bearer', { Authorization: `Bearer ${accessToken}` }, 'invalid_token'],
    ];
    for (const [label, headers, error] of cases) {
      const result = await call(headers);
      expect({ label, status: result.status, error: result.body.error }).toEqual({ label, status: 401, error });
      expect(result.challenge).toEqual(expect.any(String));
    }
    const inQuery = await fetch(`${me}?access_token=${accessToken}`);
    expect(inQuery.status).toBe(400);
  });

  it('keeps the old signing key published after a rotation, so its tokens still work', async () => {
    const c = await client();
    const { accessToken, key } = await dpopToken(c);
    const before = JSON.parse(Buffer.from(accessToken.split('.')[0], 'base64url').toString()).kid;
    await app.get(ServerKeysService).rotate();
    const jwks = (await (await fetch(`${base}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toContain(before);
    expect(jwks.keys.length).toBeGreaterThanOrEqual(2);
    const me = `${base}/api/v1/me`;
    expect(
      (await fetch(me, { headers: { Authorization: `DPoP ${accessToken}`, DPoP: await proof(key, 'GET', me, accessToken) } })).status,
    ).toBe(200);
    const fresh = await dpopToken(c);
    expect(JSON.parse(Buffer.from(fresh.accessToken.split('.')[0], 'base64url').toString()).kid).not.toBe(before);
  });

  it('OAuth principals get the same scope, approval and tenant rules as API keys', async () => {
    const reader = await client(['treasury:read']);
    const { accessToken, key } = await dpopToken(reader);
    const url = `${base}/api/v1/transfer_requests`;
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        Authorization: `DPoP ${accessToken}`,
        DPoP: await proof(key, 'POST', url, accessToken),
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({ amount: '1', currency: 'USDC', destination: DESTINATION }),
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toBe('insufficient_scope');
  });
});
