import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { Factory, idempotencyKey } from './support/factory';
import { createTestApp } from './support/test-app';

/** The request pipeline of configureApp: envelope, request ids, headers, limits, auth placement. */
describe('request pipeline', () => {
  let app: NestExpressApplication;
  let factory: Factory;

  beforeAll(async () => {
    app = await createTestApp();
    factory = new Factory(app);
  });
  afterAll(() => app.close());

  const envelope = (status: number, error: string) =>
    expect.objectContaining({ error, code: status, message: expect.any(String), request_id: expect.any(String) });

  it('400 lists every invalid field in details', async () => {
    const { operator } = await factory.tenant();
    const response = await request(app.getHttpServer())
      .post('/api/v1/wallets')
      .set(idempotencyKey())
      .set(operator.auth)
      .send({ name: 42, unexpected: true })
      .expect(400);
    expect(response.body).toEqual(envelope(400, 'invalid_request'));
    const fields = response.body.details.map((detail: { field: string }) => detail.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['chain', 'name', 'unexpected']));
  });

  it('400 for malformed JSON, without parser internals', async () => {
    const { operator } = await factory.tenant();
    const response = await request(app.getHttpServer())
      .post('/api/v1/wallets')
      .set(idempotencyKey())
      .set(operator.auth)
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(response.body).toEqual(envelope(400, 'invalid_request'));
    expect(JSON.stringify(response.body)).not.toMatch(/SyntaxError|at JSON|node_modules/);
  });

  it('401 with an RFC 6750 challenge for a missing or unknown credential', async () => {
    const missing = await request(app.getHttpServer()).get('/api/v1/me').expect(401);
    expect(missing.body).toEqual(envelope(401, 'invalid_token'));
    expect(missing.headers['www-authenticate']).toMatch(/^Bearer/);

    const unknown = await request(app.getHttpServer())
      .get('/api/v1/me')
      .set('Authorization', `Bearer nxt_test_${'A'.repeat(43)}`)
      .expect(401);
    expect(unknown.body).toEqual(envelope(401, 'invalid_token'));
    expect(unknown.headers['www-authenticate']).toContain('error="invalid_token"');

    await request(app.getHttpServer()).get('/api/v1/me').set('Authorization', 'Basic dXNlcjpwYXNz').expect(401);
  });

  it('refuses a credential in the query string or body, even a valid one', async () => {
    const { operator } = await factory.tenant();
    const response = await request(app.getHttpServer()).get(`/api/v1/me?access_token=${operator.secret}`).expect(400);
    expect(response.body).toEqual(envelope(400, 'invalid_request'));
    await request(app.getHttpServer())
      .post('/api/v1/wallets')
      .set(idempotencyKey())
      .type('form')
      .send({ access_token: operator.secret, name: 'x', chain: 'base' })
      .expect(400);
  });

  it('403 insufficient_scope for a credential without the scope', async () => {
    const organization = await factory.organization();
    const viewer = await factory.key(organization.id, { scopes: ['treasury:read'], roles: ['viewer'] });
    const response = await request(app.getHttpServer())
      .post('/api/v1/wallets')
      .set(idempotencyKey())
      .set(viewer.auth)
      .send({ name: 'Ops', chain: 'base' })
      .expect(403);
    expect(response.body).toEqual(envelope(403, 'insufficient_scope'));
    expect(response.body.message).toContain('wallets:write');
  });

  it('404 for an unknown route, in the envelope', async () => {
    const { operator } = await factory.tenant();
    const response = await request(app.getHttpServer()).get('/api/v1/no-such-thing').set(operator.auth).expect(404);
    expect(response.body).toEqual(envelope(404, 'not_found'));
  });

  it('413 for a body over the limit', async () => {
    const { operator } = await factory.tenant();
    const response = await request(app.getHttpServer())
      .post('/api/v1/wallets')
      .set(idempotencyKey())
      .set(operator.auth)
      .send({ name: 'x'.repeat(1_100_000), chain: 'base' })
      .expect(413);
    expect(response.body).toEqual(envelope(413, 'payload_too_large'));
  });

  it('415 for a body that is not JSON', async () => {
    const { operator } = await factory.tenant();
    const response = await request(app.getHttpServer())
      .post('/api/v1/wallets')
      .set(idempotencyKey())
      .set(operator.auth)
      .set('Content-Type', 'text/plain')
      .send('name=x')
      .expect(415);
    expect(response.body).toEqual(envelope(415, 'unsupported_media_type'));
  });

  it('echoes a sane X-Request-Id and replaces an unsafe one', async () => {
    const echoed = await request(app.getHttpServer()).get('/healthz').set('X-Request-Id', 'client-id-123').expect(200);
    expect(echoed.headers['x-request-id']).toBe('client-id-123');

    const replaced = await request(app.getHttpServer()).get('/api/v1/me').set('X-Request-Id', 'bad id\twith <junk>').expect(401);
    expect(replaced.headers['x-request-id']).toMatch(/^req_[0-9a-f]{24}$/);
    expect(replaced.body.request_id).toBe(replaced.headers['x-request-id']);

    const generated = await request(app.getHttpServer()).get('/healthz');
    expect(generated.headers['x-request-id']).toMatch(/^req_/);
  });

  it('sets security headers and hides the framework', async () => {
    const response = await request(app.getHttpServer()).get('/healthz').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('serves liveness and readiness without a credential', async () => {
    await request(app.getHttpServer()).get('/healthz').expect(200, { status: 'ok', checks: {} });
    const ready = await request(app.getHttpServer()).get('/readyz').expect(200);
    expect(ready.body).toEqual({ status: 'ok', checks: { database: 'up', migrations: 'up' } });
  });

  it('429 rate_limited with Retry-After past RATE_LIMIT_PER_MINUTE; health checks are not limited', async () => {
    const limited = await createTestApp({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const { operator } = await new Factory(limited).tenant();
      for (let i = 0; i < 3; i++) await request(limited.getHttpServer()).get('/api/v1/me').set(operator.auth).expect(200);
      const refused = await request(limited.getHttpServer()).get('/api/v1/wallets').set(operator.auth).expect(429);
      expect(refused.body).toEqual(envelope(429, 'rate_limited'));
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      await request(limited.getHttpServer()).get('/healthz').expect(200);
    } finally {
      await limited.close();
    }
  });
});
