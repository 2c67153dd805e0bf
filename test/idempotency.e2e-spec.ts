import { randomUUID } from 'node:crypto';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Factory, idempotencyKey } from './support/factory';
import { createTestApp } from './support/test-app';

const DESTINATION = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

/** API.md §5, on the wire. */
describe('Idempotency-Key', () => {
  let app: NestExpressApplication;
  let factory: Factory;
  const http = () => request(app.getHttpServer());
  const count = async (table: string, organizationId: string) =>
    Number((await app.get(DataSource).query(`SELECT count(*) FROM ${table} WHERE organization_id = $1`, [organizationId]))[0].count);

  beforeAll(async () => {
    app = await createTestApp();
    factory = new Factory(app);
  });
  afterAll(() => app.close());

  async function fundedTenant(amount = '1000') {
    const tenant = await factory.tenant();
    const wallet = await factory.wallet(tenant.organization.id);
    await factory.fund(wallet, 'USDC', amount);
    return { ...tenant, wallet };
  }

  it('is required on every POST, and must be 1–255 printable ASCII characters', async () => {
    const { operator } = await factory.tenant();
    const missing = await http().post('/api/v1/wallets').set(operator.auth).send({ name: 'x', chain: 'base' }).expect(400);
    expect(missing.body).toMatchObject({ error: 'invalid_request', details: [{ field: 'Idempotency-Key', message: expect.any(String) }] });
    for (const bad of ['x'.repeat(256), 'naïve']) {
      await http().post('/api/v1/wallets').set(operator.auth).set('Idempotency-Key', bad).send({ name: 'x', chain: 'base' }).expect(400);
    }
    await http()
      .post('/api/v1/wallets')
      .set(operator.auth)
      .set('Idempotency-Key', 'x'.repeat(255))
      .send({ name: 'x', chain: 'base' })
      .expect(201);
  });

  it('replays the recorded response for the same key and body, and executes once', async () => {
    const { organization, operator } = await fundedTenant();
    const key = { 'Idempotency-Key': randomUUID() };
    const body = { amount: '10', currency: 'USDC', destination: DESTINATION };
    const first = await http().post('/api/v1/transfer_requests').set(operator.auth).set(key).send(body).expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const second = await http().post('/api/v1/transfer_requests').set(operator.auth).set(key).send(body).expect(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await count('transfer_requests', organization.id)).toBe(1);
  });

  it('refuses the same key with a different request with the exact 409 of the seed', async () => {
    const { operator } = await fundedTenant();
    const key = { 'Idempotency-Key': randomUUID() };
    await http()
      .post('/api/v1/transfer_requests')
      .set(operator.auth)
      .set(key)
      .send({ amount: '10', currency: 'USDC', destination: DESTINATION })
      .expect(201);
    for (const [path, body] of [
      ['/api/v1/transfer_requests', { amount: '11', currency: 'USDC', destination: DESTINATION }],
      ['/api/v1/wallets', { name: 'x', chain: 'base' }],
    ] as const) {
      const reused = await http().post(path).set(operator.auth).set(key).send(body).expect(409);
      expect(reused.body).toMatchObject({ error: 'invalid_request', message: 'The idempotency key has already been used.', code: 409 });
    }
  });

  it('scopes keys to the organization', async () => {
    const one = await fundedTenant();
    const two = await fundedTenant();
    const key = { 'Idempotency-Key': 'shared-key-1' };
    const body = { amount: '10', currency: 'USDC', destination: DESTINATION };
    const a = await http().post('/api/v1/transfer_requests').set(one.operator.auth).set(key).send(body).expect(201);
    const b = await http().post('/api/v1/transfer_requests').set(two.operator.auth).set(key).send(body).expect(201);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    expect(b.body.id).not.toBe(a.body.id);
  });

  it('50 concurrent identical requests with one key make one transfer; the rest replay or are told it is in progress', async () => {
    const { organization, operator } = await fundedTenant();
    const key = { 'Idempotency-Key': randomUUID() };
    const body = { amount: '10', currency: 'USDC', destination: DESTINATION };
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => http().post('/api/v1/transfer_requests').set(operator.auth).set(key).send(body)),
    );
    const created = responses.filter((r) => r.status === 201);
    const inProgress = responses.filter((r) => r.status === 409);
    expect(created.length + inProgress.length).toBe(50);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    expect(created.filter((r) => r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    for (const r of inProgress) {
      expect(r.body).toMatchObject({ error: 'request_in_progress', code: 409 });
      expect(r.headers['retry-after']).toBeDefined();
    }
    expect(await count('transfer_requests', organization.id)).toBe(1);
    expect(await count('ledger_holds', organization.id)).toBe(1);
    const replay = await http().post('/api/v1/transfer_requests').set(operator.auth).set(key).send(body).expect(201);
    expect(replay.body.id).toBe(created[0].body.id);
  });

  it('records business refusals (422) and replays them; does not record validation errors (400)', async () => {
    const { organization, operator } = await fundedTenant('5');
    const key = { 'Idempotency-Key': randomUUID() };
    const tooMuch = { amount: '10', currency: 'USDC', destination: DESTINATION };
    const refused = await http().post('/api/v1/transfer_requests').set(operator.auth).set(key).send(tooMuch).expect(422);
    expect(refused.body.error).toBe('insufficient_funds');
    const again = await http().post('/api/v1/transfer_requests').set(operator.auth).set(key).send(tooMuch).expect(422);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(refused.body);
    expect(await count('transfer_requests', organization.id)).toBe(0);
    expect(await count('ledger_holds', organization.id)).toBe(0);

    const other = { 'Idempotency-Key': randomUUID() };
    await http()
      .post('/api/v1/transfer_requests')
      .set(operator.auth)
      .set(other)
      .send({ amount: 5, currency: 'USDC', destination: DESTINATION })
      .expect(400);
    const fixed = await http()
      .post('/api/v1/transfer_requests')
      .set(operator.auth)
      .set(other)
      .send({ amount: '5', currency: 'USDC', destination: DESTINATION })
      .expect(201);
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
  });

  it('forgets a key once its record has expired', async () => {
    const { organization, operator } = await factory.tenant();
    const key = { 'Idempotency-Key': randomUUID() };
    const first = await http().post('/api/v1/wallets').set(operator.auth).set(key).send({ name: 'a', chain: 'base' }).expect(201);
    await app
      .get(DataSource)
      .query(`UPDATE idempotency_records SET expires_at = now() - interval '1 second' WHERE organization_id = $1`, [organization.id]);
    const second = await http().post('/api/v1/wallets').set(operator.auth).set(key).send({ name: 'a', chain: 'base' }).expect(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
  });

  it('is not required on reads', async () => {
    const { operator } = await factory.tenant();
    await http().get('/api/v1/transfer_requests').set(operator.auth).expect(200);
    await http().post('/api/v1/wallets').set(operator.auth).set(idempotencyKey()).send({ name: 'a', chain: 'base' }).expect(201);
  });
});
