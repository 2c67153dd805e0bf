import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OAuthClientsService } from '@app/auth';
import { OPERATOR_ACTOR } from '@app/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Factory } from './support/factory';
import { exited, freePort, startService, waitFor } from './support/processes';
import { createTestApp } from './support/test-app';

interface Identity {
  cert: Buffer;
  key: Buffer;
}

/**
 * RFC 8705 over HTTPS with throwaway certificates: tls_client_auth (CA-issued) and
 * self_signed_tls_client_auth clients get certificate-bound Bearer tokens that work only with the
 * same certificate.
 */
describe('OAuth with mTLS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nxt-mtls-'));
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore', cwd: dir });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  let app: NestExpressApplication;
  let base: string;
  let service: ReturnType<typeof startService>;
  const file = (name: string) => readFileSync(join(dir, name));

  beforeAll(async () => {
    openssl('req', '-x509', ...ec, '-days', '1', '-subj', '/CN=NxTreasury Test CA', '-keyout', 'ca.key', '-out', 'ca.pem');
    openssl('req', '-x509', ...ec, '-days', '1', '-subj', '/CN=localhost', '-keyout', 'server.key', '-out', 'server.pem');
    openssl('req', ...ec, '-subj', '/O=Acme/CN=erp-client', '-keyout', 'client.key', '-out', 'client.csr');
    openssl(
      'x509',
      '-req',
      '-in',
      'client.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '1',
      '-out',
      'client.pem',
    );
    openssl('req', '-x509', ...ec, '-days', '1', '-subj', '/CN=self-signed-client', '-keyout', 'self.key', '-out', 'self.pem');
    openssl('req', '-x509', ...ec, '-days', '1', '-subj', '/O=Acme/CN=erp-client', '-keyout', 'impostor.key', '-out', 'impostor.pem');

    const port = await freePort();
    base = `https://127.0.0.1:${port}`;
    app = await createTestApp({ PUBLIC_BASE_URL: base });
    service = startService({
      PORT: String(port),
      PUBLIC_BASE_URL: base,
      TLS_CERT: join(dir, 'server.pem'),
      TLS_KEY: join(dir, 'server.key'),
      TLS_CLIENT_CA: join(dir, 'ca.pem'),
      SANDBOX_SEED: 'off',
    });
    await waitFor(async () => ((await call('GET', '/healthz').catch(() => undefined))?.status === 200 ? true : undefined));
  });
  afterAll(async () => {
    service.kill('SIGTERM');
    await exited(service);
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function call(method: string, path: string, options: { identity?: Identity; headers?: Record<string, string>; body?: string } = {}) {
    return new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
      const req = httpsRequest(
        `${base}${path}`,
        { method, headers: options.headers, rejectUnauthorized: false, agent: false, ...(options.identity ?? {}) },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }));
        },
      );
      req.on('error', reject);
      req.end(options.body);
    });
  }

  const identity = (name: string): Identity => ({ cert: file(`${name}.pem`), key: file(`${name}.key`) });
  const tokenFor = (clientId: string, who: Identity) =>
    call('POST', '/api/v1/oauth/token', {
      identity: who,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId }).toString(),
    });

  async function client(certificate: string, selfSigned: boolean) {
    const factory = new Factory(app);
    const { organization } = await factory.tenant();
    await factory.fund(await factory.wallet(organization.id), 'USDC', '100');
    const created = await app.get(OAuthClientsService).create(
      {
        organizationId: organization.id,
        name: 'mTLS client',
        scopes: ['treasury:read', 'transfers:write'],
        roles: ['operator'],
        approved: true,
        certificatePem: file(certificate).toString(),
        selfSigned,
      },
      OPERATOR_ACTOR,
    );
    return created.id;
  }

  it('tls_client_auth: a CA-issued certificate gets a certificate-bound Bearer token that works only with that certificate', async () => {
    const clientId = await client('client.pem', false);
    const issued = await tokenFor(clientId, identity('client'));
    expect(issued).toMatchObject({ status: 200, body: { token_type: 'Bearer' } });
    const accessToken = String(issued.body.access_token);
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString());
    expect(claims.cnf['x5t#S256']).toEqual(expect.any(String));

    const me = await call('GET', '/api/v1/me', { identity: identity('client'), headers: { Authorization: `Bearer ${accessToken}` } });
    expect(me).toMatchObject({ status: 200, body: { id: clientId, type: 'oauth_client', token_binding: 'mtls' } });

    const moved = await call('POST', '/api/v1/transfer_requests', {
      identity: identity('client'),
      headers: { Authorization: `Bearer ${accessToken}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ amount: '1', currency: 'USDC', destination: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' }),
    });
    expect(moved.status).toBe(201);

    const otherCertificate = await call('GET', '/api/v1/me', {
      identity: identity('self'),
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    expect(otherCertificate).toMatchObject({ status: 401, body: { error: 'invalid_token' } });
    const noCertificate = await call('GET', '/api/v1/me', { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(noCertificate.status).toBe(401);
  });

  it('refuses a certificate that does not authenticate the client, even with the same subject', async () => {
    const clientId = await client('client.pem', false);
    expect(await tokenFor(clientId, identity('impostor'))).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(await tokenFor(clientId, identity('self'))).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('self_signed_tls_client_auth: the registered certificate itself authenticates the client', async () => {
    const clientId = await client('self.pem', true);
    const issued = await tokenFor(clientId, identity('self'));
    expect(issued).toMatchObject({ status: 200, body: { token_type: 'Bearer' } });
    const me = await call('GET', '/api/v1/me', {
      identity: identity('self'),
      headers: { Authorization: `Bearer ${issued.body.access_token}` },
    });
    expect(me).toMatchObject({ status: 200, body: { token_binding: 'mtls' } });
    expect(await tokenFor(clientId, identity('client'))).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });
});
