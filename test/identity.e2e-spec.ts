import { ApiKeysService } from '@app/auth';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Factory, idempotencyKey } from './support/factory';
import { createTestApp } from './support/test-app';

describe('identity and API keys', () => {
  let app: NestExpressApplication;
  let factory: Factory;

  beforeAll(async () => {
    app = await createTestApp();
    factory = new Factory(app);
  });
  afterAll(() => app.close());

  it('GET /me describes the API key, its organization, scopes and roles', async () => {
    const organization = await factory.organization('pending');
    const key = await factory.key(organization.id, { scopes: ['treasury:read', 'approvals:write'], roles: ['supervisor'] });
    const response = await request(app.getHttpServer()).get('/api/v1/me').set(key.auth).expect(200);
    expect(response.body).toEqual({
      object: 'identity',
      id: key.id,
      type: 'api_key',
      name: 'test key',
      organization: { id: organization.id, name: organization.name, kyc_status: 'pending' },
      scopes: ['treasury:read', 'approvals:write'],
      roles: ['supervisor'],
      supervisor_approved: true,
      token_binding: null,
    });
  });

  it('issues prefixed high-entropy secrets and stores only a keyed hash', async () => {
    const organization = await factory.organization();
    const key = await factory.key(organization.id);
    expect(key.secret).toMatch(/^nxt_test_[A-Za-z0-9_-]{43}$/);
    const rows: Record<string, unknown>[] = await app.get(DataSource).query('SELECT * FROM api_keys WHERE id = $1', [key.id]);
    const stored = Object.values(rows[0])
      .map((value) => (Buffer.isBuffer(value) ? `${value.toString('latin1')} ${value.toString('hex')}` : JSON.stringify(value)))
      .join(' ');
    expect(stored).not.toContain(key.secret);
    expect(stored).not.toContain(key.secret.slice(9, 40));
    expect((rows[0].secret_hash as Buffer).length).toBe(32);
  });

  it('a revoked key stops working at once', async () => {
    const organization = await factory.organization();
    const key = await factory.key(organization.id);
    await request(app.getHttpServer()).get('/api/v1/me').set(key.auth).expect(200);
    await app.get(ApiKeysService).revoke(key.id, 'operator');
    const response = await request(app.getHttpServer()).get('/api/v1/me').set(key.auth).expect(401);
    expect(response.body.error).toBe('invalid_token');
  });

  it('an expired key is refused', async () => {
    const organization = await factory.organization();
    const key = await factory.key(organization.id, { expiresAt: new Date(Date.now() + 1500) });
    await request(app.getHttpServer()).get('/api/v1/me').set(key.auth).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    await request(app.getHttpServer()).get('/api/v1/me').set(key.auth).expect(401);
  });

  it('a key a supervisor has not approved may read but not write', async () => {
    const organization = await factory.organization();
    const unapproved = await factory.key(organization.id, { approved: false });
    await request(app.getHttpServer()).get('/api/v1/wallets').set(unapproved.auth).expect(200);
    const me = await request(app.getHttpServer()).get('/api/v1/me').set(unapproved.auth).expect(200);
    expect(me.body.supervisor_approved).toBe(false);
    const write = await request(app.getHttpServer())
      .post('/api/v1/wallets')
      .set(idempotencyKey())
      .set(unapproved.auth)
      .send({ name: 'Ops', chain: 'base' })
      .expect(403);
    expect(write.body).toMatchObject({ error: 'insufficient_scope', code: 403 });

    const supervisor = await factory.key(organization.id, { roles: ['supervisor'], scopes: ['approvals:write', 'treasury:read'] });
    await app.get(ApiKeysService).approve(unapproved.id, supervisor.id);
    await request(app.getHttpServer())
      .post('/api/v1/wallets')
      .set(idempotencyKey())
      .set(unapproved.auth)
      .send({ name: 'Ops', chain: 'base' })
      .expect(201);
  });

  it('only an approved supervisor of the same organization approves a key, never the key itself', async () => {
    const keys = app.get(ApiKeysService);
    const organization = await factory.organization();
    const other = await factory.organization();
    const pending = await factory.key(organization.id, { approved: false, roles: ['supervisor'] });
    const operator = await factory.key(organization.id, { roles: ['operator'] });
    const foreignSupervisor = await factory.key(other.id, { roles: ['supervisor'] });
    await expect(keys.approve(pending.id, pending.id)).rejects.toMatchObject({ error: 'invalid_request' });
    await expect(keys.approve(pending.id, operator.id)).rejects.toMatchObject({ error: 'invalid_request' });
    await expect(keys.approve(pending.id, foreignSupervisor.id)).rejects.toMatchObject({ error: 'invalid_request' });
    expect((await keys.get(pending.id)).supervisorApproved).toBe(false);
  });
});
