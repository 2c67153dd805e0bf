import { AuditService } from '@app/audit';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Factory, idempotencyKey } from './support/factory';
import { waitFor } from './support/processes';
import { createTestApp } from './support/test-app';

describe('audit log', () => {
  let app: NestExpressApplication;
  let factory: Factory;

  beforeAll(async () => {
    app = await createTestApp();
    factory = new Factory(app);
  });
  afterAll(() => app.close());

  async function orgWithHistory() {
    const { organization, operator } = await factory.tenant();
    await factory.fund(await factory.wallet(organization.id), 'USDC', '50000');
    const http = () => request(app.getHttpServer());
    const send = (amount: string) =>
      http()
        .post('/api/v1/transfer_requests')
        .set(operator.auth)
        .set(idempotencyKey())
        .send({ amount, currency: 'USDC', destination: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' })
        .expect(201);
    const low = (await send('10')).body;
    const high = (await send('20000')).body;
    await http().post(`/api/v1/transfer_requests/${high.id}/cancel`).set(operator.auth).set(idempotencyKey()).expect(200);
    await waitFor(async () => {
      const transfer = (await http().get(`/api/v1/transfer_requests/${low.id}`).set(operator.auth)).body;
      return transfer.status === 'completed' ? true : undefined;
    });
    return { organization, operator, low, high };
  }

  it('records every state change of a request, in order, with who did it', async () => {
    const { organization, operator, low, high } = await orgWithHistory();
    const audit = app.get(AuditService);
    expect((await audit.entriesFor(organization.id, low.id)).map((e) => [e.action, e.actor])).toEqual([
      ['transfer_request.created', operator.id],
      ['transfer_request.submitted', 'system'],
      ['transfer_request.completed', 'system'],
    ]);
    expect((await audit.entriesFor(organization.id, high.id)).map((e) => [e.action, e.actor])).toEqual([
      ['transfer_request.created', operator.id],
      ['transfer_request.cancelled', operator.id],
    ]);
    const created = (await audit.entriesFor(organization.id, high.id))[0];
    expect(created.data).toMatchObject({ amount: '20000', request_digest: high.request_digest, risk: { level: 'high' } });
  });

  it('records who changed the organization, its keys, wallets and policy', async () => {
    const { organization, operator } = await factory.tenant();
    const wallet = await request(app.getHttpServer())
      .post('/api/v1/wallets')
      .set(operator.auth)
      .set(idempotencyKey())
      .send({ name: 'Ops', chain: 'base' })
      .expect(201);
    await request(app.getHttpServer()).patch(`/api/v1/wallets/${wallet.body.id}`).set(operator.auth).send({ name: 'Ops 2' }).expect(200);
    const actions = (await app.get(AuditService).entriesFor(organization.id)).map((entry) => [entry.action, entry.actor, entry.resourceId]);
    expect(actions).toEqual([
      ['organization.created', 'operator', organization.id],
      ['api_key.created', 'operator', operator.id],
      ['wallet.created', operator.id, wallet.body.id],
      ['wallet.updated', operator.id, wallet.body.id],
    ]);
  });

  it('chains each organization’s entries by hash, and verification detects tampering', async () => {
    const { organization } = await orgWithHistory();
    const audit = app.get(AuditService);
    const entries = await audit.entriesFor(organization.id);
    const intact = await audit.verify(organization.id);
    expect(intact).toMatchObject({ ok: true, entries: entries.length, head: entries[entries.length - 1].hash });
    const victim = entries.find((entry) => entry.action === 'transfer_request.created')!;
    const db = app.get(DataSource);
    // The table refuses changes outright...
    await expect(db.query(`UPDATE audit_log SET data = '{"amount":"1"}' WHERE seq = $1`, [victim.seq])).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_log WHERE seq = $1`, [victim.seq])).rejects.toThrow(/append-only/);
    // ...and someone who can disable that (a database owner) is still caught by the chain.
    const runner = db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await runner.query(`UPDATE audit_log SET data = jsonb_set(data, '{amount}', '"1"') WHERE seq = $1`, [victim.seq]);
      await runner.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    const broken = await audit.verify(organization.id);
    expect(broken).toMatchObject({ ok: false, brokenAt: victim.seq });
  });
});
