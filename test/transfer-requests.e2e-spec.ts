import { ApiKeysService } from '@app/auth';
import { LedgerService } from '@app/ledger';
import { AllowlistService, PolicyService } from '@app/policy';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Factory, idempotencyKey } from './support/factory';
import { createTestApp } from './support/test-app';
import { waitFor } from './support/processes';

type Auth = Record<string, string>;
const DESTINATION = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const FAILING = '0xfa11000000000000000000000000000000000001';

describe('transfer requests', () => {
  let app: NestExpressApplication;
  let factory: Factory;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp();
    factory = new Factory(app);
  });
  afterAll(() => app.close());

  async function fundedTenant(amount = '1000', currency = 'USDC') {
    const tenant = await factory.tenant();
    const wallet = await factory.wallet(tenant.organization.id);
    await factory.fund(wallet, currency, amount);
    return { ...tenant, wallet };
  }

  const create = (auth: Auth, body: object) => http().post('/api/v1/transfer_requests').set(auth).set(idempotencyKey()).send(body);
  const fetchTransfer = async (auth: Auth, id: string) => (await http().get(`/api/v1/transfer_requests/${id}`).set(auth).expect(200)).body;
  const settled = (auth: Auth, id: string) =>
    waitFor(async () => {
      const transfer = await fetchTransfer(auth, id);
      return ['completed', 'failed'].includes(transfer.status) ? transfer : undefined;
    });
  const balance = async (auth: Auth, walletId: string, currency = 'USDC') =>
    (await http().get(`/api/v1/wallets/${walletId}/balances`).set(auth).expect(200)).body.data.find(
      (row: { currency: string }) => row.currency === currency,
    );

  it("executes the seed's curl example from the default wallet: processing, then completed on the ledger", async () => {
    const { operator, wallet } = await fundedTenant();
    const created = await create(operator.auth, { amount: '100', currency: 'USDC', destination: DESTINATION }).expect(201);
    expect(created.body).toMatchObject({
      object: 'transfer_request',
      id: expect.stringMatching(/^tr_/),
      status: 'processing',
      amount: '100',
      currency: 'USDC',
      chain: 'ethereum',
      source_wallet_id: wallet.id,
      destination: DESTINATION,
      risk: { level: 'low', reasons: [] },
      approvals_required: 0,
      approvals: [],
      request_digest: expect.stringMatching(/^sha-256=:[A-Za-z0-9+/]{43}=:$/),
      created_by: operator.id,
    });
    const done = await settled(operator.auth, created.body.id);
    expect(done).toMatchObject({
      status: 'completed',
      tx_hash: expect.stringMatching(/^0x[0-9a-f]{64}$/),
      completed_at: expect.any(String),
    });
    expect(done.transaction_ids).toHaveLength(1);
    expect(await balance(operator.auth, wallet.id)).toMatchObject({ available: '900', held: '0', total: '900' });

    const txn = await http().get(`/api/v1/transactions/${done.transaction_ids[0]}`).set(operator.auth).expect(200);
    expect(txn.body).toMatchObject({
      type: 'transfer_out',
      direction: 'debit',
      amount: '100',
      status: 'completed',
      wallet_id: wallet.id,
      tx_hash: done.tx_hash,
      counterparty: DESTINATION,
      request_id: done.id,
    });
    const outs = await http()
      .get('/api/v1/transactions')
      .query({ type: 'transfer_out', wallet_id: wallet.id })
      .set(operator.auth)
      .expect(200);
    expect(outs.body.data.map((t: { id: string }) => t.id)).toEqual(done.transaction_ids);
    const deposits = await http().get('/api/v1/transactions').query({ type: 'deposit', currency: 'USDC' }).set(operator.auth).expect(200);
    expect(deposits.body.data).toHaveLength(1);
  });

  it('refuses malformed amounts and destinations with 400 and unknown assets with 422, changing nothing', async () => {
    const { organization, operator, wallet } = await fundedTenant();
    const cases: [object, number, string][] = [
      [{ amount: 100, currency: 'USDC', destination: DESTINATION }, 400, 'amount'],
      [{ amount: '1e3', currency: 'USDC', destination: DESTINATION }, 400, 'amount'],
      [{ amount: '0', currency: 'USDC', destination: DESTINATION }, 400, 'amount'],
      [{ amount: '-5', currency: 'USDC', destination: DESTINATION }, 400, 'amount'],
      [{ amount: '1.0000001', currency: 'USDC', destination: DESTINATION }, 400, 'amount'],
      [{ amount: '1', currency: 'USDC', destination: '0x123...' }, 400, 'destination'],
      [{ amount: '1', currency: 'USDC', destination: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD' }, 400, 'destination'],
      [{ amount: '1', currency: 'USDC', destination: wallet.address }, 400, 'destination'],
      [{ amount: '1', currency: 'USDC', destination: DESTINATION, chain: 'base' }, 400, 'chain'],
      [{ amount: '1', currency: 'USDC' }, 400, 'destination'],
    ];
    for (const [body, status, field] of cases) {
      const response = await create(operator.auth, body).expect(status);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const unsupported = await create(operator.auth, { amount: '1', currency: 'DOGE', destination: DESTINATION }).expect(422);
    expect(unsupported.body.error).toBe('unsupported_asset');
    const count = await app.get(DataSource).query('SELECT count(*) FROM transfer_requests WHERE organization_id = $1', [organization.id]);
    expect(Number(count[0].count)).toBe(0);
    expect(await balance(operator.auth, wallet.id)).toMatchObject({ available: '1000', held: '0' });
  });

  it('moves funds between two of its own wallets (by wal_ id), with a movement on each', async () => {
    const { organization, operator, wallet } = await fundedTenant();
    const other = await factory.wallet(organization.id, 'ethereum', 'reserve');
    const created = await create(operator.auth, {
      amount: '250.5',
      currency: 'USDC',
      destination: other.id,
      source_wallet_id: wallet.id,
    }).expect(201);
    expect(created.body).toMatchObject({ destination: other.address, destination_wallet_id: other.id });
    const done = await settled(operator.auth, created.body.id);
    expect(done.transaction_ids).toHaveLength(2);
    expect(await balance(operator.auth, wallet.id)).toMatchObject({ total: '749.5' });
    expect(await balance(operator.auth, other.id)).toMatchObject({ total: '250.5', available: '250.5' });
    const ins = await http().get('/api/v1/transactions').query({ type: 'transfer_in' }).set(operator.auth).expect(200);
    expect(ins.body.data).toEqual([
      expect.objectContaining({ wallet_id: other.id, direction: 'credit', amount: '250.5', status: 'completed' }),
    ]);
  });

  it('keeps external_reference unique for ever and finds the request by it', async () => {
    const { operator } = await fundedTenant();
    const first = await create(operator.auth, {
      amount: '1',
      currency: 'USDC',
      destination: DESTINATION,
      external_reference: 'INV-2026-0042',
    }).expect(201);
    const second = await create(operator.auth, {
      amount: '2',
      currency: 'USDC',
      destination: DESTINATION,
      external_reference: 'INV-2026-0042',
    }).expect(409);
    expect(second.body).toMatchObject({ error: 'conflict', code: 409 });
    const found = await http()
      .get('/api/v1/transfer_requests')
      .query({ external_reference: 'INV-2026-0042' })
      .set(operator.auth)
      .expect(200);
    expect(found.body.data.map((t: { id: string }) => t.id)).toEqual([first.body.id]);
  });

  it('a wallet holding 100 USDC and 30 concurrent 10 USDC transfers: exactly 10 accepted, 20 refused, ends at 0', async () => {
    const { organization, operator, wallet } = await fundedTenant('100');
    const responses = await Promise.all(
      Array.from({ length: 30 }, () => create(operator.auth, { amount: '10', currency: 'USDC', destination: DESTINATION })),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(10);
    const refused = responses.filter((r) => r.status === 422);
    expect(refused).toHaveLength(20);
    for (const r of refused) expect(r.body.error).toBe('insufficient_funds');
    for (const r of responses.filter((r) => r.status === 201)) expect((await settled(operator.auth, r.body.id)).status).toBe('completed');
    expect(await balance(operator.auth, wallet.id)).toMatchObject({ available: '0', held: '0', total: '0' });
    const [{ negative }] = await app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS negative FROM ledger_accounts WHERE organization_id = $1 AND (balance < 0 OR held < 0 OR balance < held)`,
        [organization.id],
      );
    expect(negative).toBe(0);
  });

  it('holds a high-risk transfer in pending_approval; cancel releases the funds', async () => {
    const { organization, operator, wallet } = await fundedTenant('50000');
    const created = await create(operator.auth, {
      amount: '10000',
      currency: 'USDC',
      destination: DESTINATION,
      note: 'quarterly settlement',
    }).expect(201);
    expect(created.body).toMatchObject({
      status: 'pending_approval',
      risk: { level: 'high', reasons: ['amount_at_or_above_threshold'] },
      approvals_required: 1,
      usd_value: '10000',
      expires_at: expect.any(String),
    });
    expect(Date.parse(created.body.expires_at) - Date.parse(created.body.created_at)).toBe(24 * 3_600_000);
    expect(await balance(operator.auth, wallet.id)).toMatchObject({ available: '40000', held: '10000', total: '50000' });

    // Nobody but the initiator or an operator may cancel.
    const viewer = await factory.key(organization.id, { roles: ['viewer'], scopes: ['treasury:read', 'transfers:write'] });
    await http().post(`/api/v1/transfer_requests/${created.body.id}/cancel`).set(viewer.auth).set(idempotencyKey()).expect(403);

    // Another operator of the organization may (API.md §6: "the initiator or an operator").
    const colleague = await factory.key(organization.id, { roles: ['operator'] });
    const cancelled = await http()
      .post(`/api/v1/transfer_requests/${created.body.id}/cancel`)
      .set(colleague.auth)
      .set(idempotencyKey())
      .expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(await balance(operator.auth, wallet.id)).toMatchObject({ available: '50000', held: '0', total: '50000' });
    const again = await http()
      .post(`/api/v1/transfer_requests/${created.body.id}/cancel`)
      .set(operator.auth)
      .set(idempotencyKey())
      .expect(409);
    expect(again.body.error).toBe('conflict');
  });

  it('a low-risk transfer already executing cannot be cancelled', async () => {
    const { operator } = await fundedTenant();
    const created = await create(operator.auth, { amount: '1', currency: 'USDC', destination: DESTINATION }).expect(201);
    await settled(operator.auth, created.body.id);
    await http().post(`/api/v1/transfer_requests/${created.body.id}/cancel`).set(operator.auth).set(idempotencyKey()).expect(409);
  });

  it('expires a pending approval after its window and releases the hold', async () => {
    const { operator, wallet } = await fundedTenant('20000');
    const created = await create(operator.auth, { amount: '15000', currency: 'USDC', destination: DESTINATION }).expect(201);
    expect(created.body.status).toBe('pending_approval');
    await app
      .get(DataSource)
      .query(`UPDATE transfer_requests SET expires_at = now() - interval '1 second' WHERE id = $1`, [created.body.id]);
    const expired = await waitFor(async () => {
      const transfer = await fetchTransfer(operator.auth, created.body.id);
      return transfer.status === 'expired' ? transfer : undefined;
    });
    expect(expired.expires_at).toBeNull();
    expect(await balance(operator.auth, wallet.id)).toMatchObject({ available: '20000', held: '0' });
  });

  it('judges risk by the daily outflow limit and the address allowlist', async () => {
    const { organization, operator } = await fundedTenant('5000');
    await app.get(PolicyService).update(organization.id, { dailyOutflowLimitUsd: '150' }, 'operator');
    const first = await create(operator.auth, { amount: '100', currency: 'USDC', destination: DESTINATION }).expect(201);
    expect(first.body.risk).toEqual({ level: 'low', reasons: [] });
    const second = await create(operator.auth, { amount: '100', currency: 'USDC', destination: DESTINATION }).expect(201);
    expect(second.body.risk).toEqual({ level: 'high', reasons: ['daily_outflow_limit_exceeded'] });

    await app.get(PolicyService).update(organization.id, { dailyOutflowLimitUsd: null, allowlistEnabled: true }, 'operator');
    const unlisted = await create(operator.auth, { amount: '1', currency: 'USDC', destination: DESTINATION }).expect(201);
    expect(unlisted.body.risk).toEqual({ level: 'high', reasons: ['destination_not_allowlisted'] });
    await app.get(AllowlistService).add(organization.id, 'ethereum', DESTINATION.toLowerCase(), 'operator');
    const listed = await create(operator.auth, { amount: '1', currency: 'USDC', destination: DESTINATION }).expect(201);
    expect(listed.body.risk).toEqual({ level: 'low', reasons: [] });
  });

  it('values other assets in USD through the price source (ETH at the simulated 3,000 USD)', async () => {
    const { operator } = await fundedTenant('10', 'ETH');
    const small = await create(operator.auth, { amount: '0.5', currency: 'ETH', destination: DESTINATION }).expect(201);
    expect(small.body).toMatchObject({ usd_value: '1500', risk: { level: 'low' } });
    const large = await create(operator.auth, { amount: '3.333333333333333334', currency: 'ETH', destination: DESTINATION }).expect(201);
    expect(large.body).toMatchObject({ usd_value: '10000.000000000000002', risk: { level: 'high' } });
  });

  it('a settlement the network rejects fails the request and gives the funds back', async () => {
    const { operator, wallet } = await fundedTenant();
    const created = await create(operator.auth, { amount: '40', currency: 'USDC', destination: FAILING }).expect(201);
    const done = await settled(operator.auth, created.body.id);
    expect(done).toMatchObject({ status: 'failed', failure_reason: expect.stringContaining('rejected') });
    expect(await balance(operator.auth, wallet.id)).toMatchObject({ available: '1000', held: '0', total: '1000' });
    const txn = await http().get(`/api/v1/transactions/${done.transaction_ids[0]}`).set(operator.auth).expect(200);
    expect(txn.body.status).toBe('failed');
  });

  it('lists with filters and keeps other organizations out', async () => {
    const { operator } = await fundedTenant('100000');
    const pending = await create(operator.auth, { amount: '20000', currency: 'USDC', destination: DESTINATION }).expect(201);
    const low = await create(operator.auth, { amount: '5', currency: 'USDC', destination: DESTINATION }).expect(201);
    const byStatus = await http().get('/api/v1/transfer_requests').query({ status: 'pending_approval' }).set(operator.auth).expect(200);
    expect(byStatus.body.data.map((t: { id: string }) => t.id)).toEqual([pending.body.id]);
    const all = await http().get('/api/v1/transfer_requests').set(operator.auth).expect(200);
    expect(all.body.data.map((t: { id: string }) => t.id)).toEqual([low.body.id, pending.body.id]);
    const bySource = await http()
      .get('/api/v1/transfer_requests')
      .query({ source_wallet_id: low.body.source_wallet_id })
      .set(operator.auth)
      .expect(200);
    expect(bySource.body.data).toHaveLength(2);
    const otherSource = await http()
      .get('/api/v1/transfer_requests')
      .query({ source_wallet_id: 'wal_none' })
      .set(operator.auth)
      .expect(200);
    expect(otherSource.body.data).toEqual([]);
    const future = await http()
      .get('/api/v1/transfer_requests')
      .query({ from: new Date(Date.now() + 60_000).toISOString() })
      .set(operator.auth)
      .expect(200);
    expect(future.body.data).toEqual([]);
    await http().get('/api/v1/transfer_requests').query({ status: 'bogus' }).set(operator.auth).expect(400);

    const stranger = await fundedTenant();
    await http().get(`/api/v1/transfer_requests/${low.body.id}`).set(stranger.operator.auth).expect(404);
    await http().post(`/api/v1/transfer_requests/${pending.body.id}/cancel`).set(stranger.operator.auth).set(idempotencyKey()).expect(404);
    const theirs = await http().get('/api/v1/transfer_requests').set(stranger.operator.auth).expect(200);
    expect(theirs.body.data).toEqual([]);
    const txns = await http()
      .get(`/api/v1/transactions/${(await settled(operator.auth, low.body.id)).transaction_ids[0]}`)
      .set(stranger.operator.auth);
    expect(txns.status).toBe(404);
  });

  it('refuses unapproved keys and credentials without transfers:write', async () => {
    const { organization } = await fundedTenant();
    const unapproved = await factory.key(organization.id, { approved: false });
    const response = await create(unapproved.auth, { amount: '1', currency: 'USDC', destination: DESTINATION }).expect(403);
    expect(response.body.error).toBe('insufficient_scope');
    const reader = await factory.key(organization.id, { scopes: ['treasury:read'] });
    await create(reader.auth, { amount: '1', currency: 'USDC', destination: DESTINATION }).expect(403);
    await app.get(ApiKeysService).revoke(unapproved.id, 'operator');
  });

  it('books nothing twice: every settled transfer has exactly one balanced ledger entry', async () => {
    const { organization, operator } = await fundedTenant();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await create(operator.auth, { amount: '3', currency: 'USDC', destination: DESTINATION }).expect(201)).body.id);
    for (const id of ids) await settled(operator.auth, id);
    const entries = await app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM ledger_entries WHERE organization_id = $1 AND type = 'transfer'`, [organization.id]);
    expect(entries[0].n).toBe(5);
    const holds = await app
      .get(DataSource)
      .query(`SELECT status, count(*)::int AS n FROM ledger_holds WHERE organization_id = $1 GROUP BY status`, [organization.id]);
    expect(holds).toEqual([{ status: 'captured', n: 5 }]);
    expect(
      (await app.get(LedgerService).walletBalances(organization.id, (await fetchTransfer(operator.auth, ids[0])).source_wallet_id))[0]
        .total,
    ).toBe('985');
  });
});
