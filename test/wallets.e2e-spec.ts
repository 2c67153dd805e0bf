import { LedgerService, WalletsService } from '@app/ledger';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { Factory, idempotencyKey } from './support/factory';
import { createTestApp } from './support/test-app';

describe('wallets and balances', () => {
  let app: NestExpressApplication;
  let factory: Factory;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp();
    factory = new Factory(app);
  });
  afterAll(() => app.close());

  it('creates, reads and renames a wallet; the first one becomes the default', async () => {
    const { operator } = await factory.tenant();
    const created = await http()
      .post('/api/v1/wallets')
      .set(idempotencyKey())
      .set(operator.auth)
      .send({ name: 'Treasury', chain: 'base' })
      .expect(201);
    expect(created.body).toEqual({
      object: 'wallet',
      id: expect.stringMatching(/^wal_[0-9a-z]{26}$/),
      name: 'Treasury',
      chain: 'base',
      address: expect.stringMatching(/^0x[0-9a-fA-F]{40}$/),
      is_default: true,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    expect(new Date(created.body.created_at).toISOString()).toBe(created.body.created_at);
    const { getAddress } = await import('viem');
    expect(created.body.address).toBe(getAddress(created.body.address.toLowerCase()));

    const second = await http()
      .post('/api/v1/wallets')
      .set(idempotencyKey())
      .set(operator.auth)
      .send({ name: 'Ops', chain: 'ethereum' })
      .expect(201);
    expect(second.body.is_default).toBe(false);

    const fetched = await http().get(`/api/v1/wallets/${created.body.id}`).set(operator.auth).expect(200);
    expect(fetched.body).toEqual(created.body);

    const renamed = await http().patch(`/api/v1/wallets/${created.body.id}`).set(operator.auth).send({ name: 'Main treasury' }).expect(200);
    expect(renamed.body).toMatchObject({ id: created.body.id, name: 'Main treasury', is_default: true });

    await http().patch(`/api/v1/wallets/${second.body.id}`).set(operator.auth).send({ is_default: true }).expect(200);
    const list = await http().get('/api/v1/wallets').set(operator.auth).expect(200);
    expect(list.body.data.map((wallet: { id: string; is_default: boolean }) => [wallet.id, wallet.is_default])).toEqual([
      [second.body.id, true],
      [created.body.id, false],
    ]);
  });

  it('refuses bad input with details and changes nothing', async () => {
    const { operator } = await factory.tenant();
    const unknownChain = await http()
      .post('/api/v1/wallets')
      .set(idempotencyKey())
      .set(operator.auth)
      .send({ name: 'X', chain: 'solana' })
      .expect(400);
    expect(unknownChain.body.details).toEqual([{ field: 'chain', message: expect.stringContaining('ethereum') }]);
    const empty = await http()
      .post('/api/v1/wallets')
      .set(idempotencyKey())
      .set(operator.auth)
      .send({ name: '', chain: 'base' })
      .expect(400);
    expect(empty.body.details[0].field).toBe('name');
    const wallet = await http()
      .post('/api/v1/wallets')
      .set(idempotencyKey())
      .set(operator.auth)
      .send({ name: 'Keep', chain: 'base' })
      .expect(201);
    const unset = await http().patch(`/api/v1/wallets/${wallet.body.id}`).set(operator.auth).send({ is_default: false }).expect(400);
    expect(unset.body.details[0].field).toBe('is_default');
    const list = await http().get('/api/v1/wallets').set(operator.auth).expect(200);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).toMatchObject({ name: 'Keep', is_default: true });
  });

  it('paginates newest first and visits every row exactly once, even while rows are added', async () => {
    const { organization, operator } = await factory.tenant();
    const wallets = app.get(WalletsService);
    const created: string[] = [];
    for (let i = 0; i < 9; i++) created.push((await wallets.create(organization.id, { name: `w${i}`, chain: 'polygon' }, 'operator')).id);

    const seen: string[] = [];
    const times: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: request.Response = await http()
        .get('/api/v1/wallets')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .set(operator.auth)
        .expect(200);
      expect(page.body.object).toBe('list');
      seen.push(...page.body.data.map((wallet: { id: string }) => wallet.id));
      times.push(...page.body.data.map((wallet: { created_at: string }) => Date.parse(wallet.created_at)));
      cursor = page.body.next_cursor;
      expect(page.body.has_more).toBe(cursor !== null);
      if (pages === 1) await wallets.create(organization.id, { name: 'late', chain: 'polygon' }, 'operator'); // newer: not in this walk
      pages += 1;
    } while (cursor);

    expect(pages).toBe(5);
    expect(seen).toHaveLength(created.length);
    expect(new Set(seen)).toEqual(new Set(created));
    expect(times).toEqual([...times].sort((a, b) => b - a)); // newest first
  });

  it('validates limit and cursor', async () => {
    const { operator } = await factory.tenant();
    for (const limit of ['0', '201', 'abc']) {
      const response = await http().get('/api/v1/wallets').query({ limit }).set(operator.auth).expect(400);
      expect(response.body.details[0].field).toBe('limit');
    }
    const bad = await http().get('/api/v1/wallets').query({ cursor: 'not-a-cursor' }).set(operator.auth).expect(400);
    expect(bad.body.details[0].field).toBe('cursor');
  });

  it("another organization's wallet is a 404, never a 403, on every route", async () => {
    const mine = await factory.tenant();
    const theirs = await factory.tenant();
    const foreign = await factory.wallet(theirs.organization.id);
    for (const call of [
      http().get(`/api/v1/wallets/${foreign.id}`),
      http().get(`/api/v1/wallets/${foreign.id}/balances`),
      http().patch(`/api/v1/wallets/${foreign.id}`).send({ name: 'hijacked' }),
    ]) {
      const response = await call.set(mine.operator.auth).expect(404);
      expect(response.body.error).toBe('not_found');
    }
    const list = await http().get('/api/v1/wallets').set(mine.operator.auth).expect(200);
    expect(list.body.data).toEqual([]);
    const balances = await http().get('/api/v1/balances').set(mine.operator.auth).expect(200);
    expect(balances.body.data).toEqual([]);
    expect((await app.get(WalletsService).get(theirs.organization.id, foreign.id)).name).toBe('wallet');
  });

  it('reports balances as exact decimal strings', async () => {
    const { organization, operator } = await factory.tenant();
    const ethereum = await factory.wallet(organization.id, 'ethereum');
    const base = await factory.wallet(organization.id, 'base');
    await factory.fund(ethereum, 'USDC', '0.1');
    await factory.fund(ethereum, 'USDC', '0.2');
    await factory.fund(ethereum, 'ETH', '1.000000000000000001');
    await factory.fund(base, 'USDC', '250000');

    const walletBalances = await http().get(`/api/v1/wallets/${ethereum.id}/balances`).set(operator.auth).expect(200);
    expect(walletBalances.body).toEqual({
      object: 'list',
      data: [
        {
          object: 'balance',
          wallet_id: ethereum.id,
          chain: 'ethereum',
          currency: 'ETH',
          available: '1.000000000000000001',
          held: '0',
          total: '1.000000000000000001',
        },
        { object: 'balance', wallet_id: ethereum.id, chain: 'ethereum', currency: 'USDC', available: '0.3', held: '0', total: '0.3' },
      ],
      has_more: false,
      next_cursor: null,
    });

    const all = await http().get('/api/v1/balances').set(operator.auth).expect(200);
    expect(all.body.data).toHaveLength(3);
    const usdcOnBase = await http().get('/api/v1/balances').query({ currency: 'USDC', chain: 'base' }).set(operator.auth).expect(200);
    expect(usdcOnBase.body.data).toEqual([expect.objectContaining({ wallet_id: base.id, total: '250000', available: '250000' })]);
  });

  it('refuses amounts the asset cannot hold and unsupported assets', async () => {
    const { organization } = await factory.tenant();
    const wallet = await factory.wallet(organization.id);
    const ledger = app.get(LedgerService);
    await expect(ledger.deposit(organization.id, wallet.id, 'USDC', '0.0000001', 'operator')).rejects.toMatchObject({ status: 400 });
    await expect(ledger.deposit(organization.id, wallet.id, 'USDC', '-5', 'operator')).rejects.toMatchObject({ status: 400 });
    await expect(ledger.deposit(organization.id, wallet.id, 'DOGE', '5', 'operator')).rejects.toMatchObject({ error: 'unsupported_asset' });
    expect(await ledger.walletBalances(organization.id, wallet.id)).toEqual([]);
  });

  it('holds move funds from available to held and back; concurrent holds never overdraw', async () => {
    const { organization, operator } = await factory.tenant();
    const wallet = await factory.wallet(organization.id);
    await factory.fund(wallet, 'USDC', '100');
    const ledger = app.get(LedgerService);

    const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => ledger.placeHold(wallet, 'USDC', '10', `tr_test${i}`)));
    const placed = results.filter((result) => result.status === 'fulfilled');
    const refused = results.filter((result) => result.status === 'rejected');
    expect(placed).toHaveLength(10);
    expect(refused).toHaveLength(20);
    for (const refusal of refused)
      expect((refusal as PromiseRejectedResult).reason).toMatchObject({ error: 'insufficient_funds', status: 422 });

    let balance = (await http().get(`/api/v1/wallets/${wallet.id}/balances`).set(operator.auth).expect(200)).body.data[0];
    expect(balance).toMatchObject({ available: '0', held: '100', total: '100' });

    const first = (placed[0] as PromiseFulfilledResult<{ id: string }>).value;
    await ledger.releaseHold(first.id);
    await ledger.releaseHold(first.id); // releasing twice gives back once
    balance = (await http().get(`/api/v1/wallets/${wallet.id}/balances`).set(operator.auth).expect(200)).body.data[0];
    expect(balance).toMatchObject({ available: '10', held: '90', total: '100' });
  });

  it('keeps the double-entry invariant: every entry sums to zero per currency', async () => {
    const { organization } = await factory.tenant();
    const wallet = await factory.wallet(organization.id);
    await factory.fund(wallet, 'EURC', '123.456789');
    const { DataSource } = await import('typeorm');
    const unbalanced = await app.get(DataSource).query(
      `SELECT e.id FROM ledger_entries e JOIN ledger_postings p ON p.entry_id = e.id JOIN ledger_accounts a ON a.id = p.account_id
       WHERE e.organization_id = $1 GROUP BY e.id, a.currency HAVING SUM(p.amount) <> 0`,
      [organization.id],
    );
    expect(unbalanced).toEqual([]);
    const [{ sum }] = await app
      .get(DataSource)
      .query(
        `SELECT SUM(p.amount)::text AS sum FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id WHERE a.wallet_id = $1`,
        [wallet.id],
      );
    expect(sum).toBe('123.456789000000000000');
  });
});
