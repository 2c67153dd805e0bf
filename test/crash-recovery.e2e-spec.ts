import { randomBytes } from 'node:crypto';
import { AuditService } from '@app/audit';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Factory } from './support/factory';
import { exited, freePort, startService, waitFor } from './support/processes';
import { createTestApp } from './support/test-app';

/**
 * A service process killed (SIGKILL) while it settles transfers leaves no half-written transfer, and
 * a restarted one completes every `processing` request exactly once. The test runs on a database of
 * its own, so that no other test's worker can do the restarted service's work.
 */
describe('crash recovery', () => {
  let databaseUrl: string;
  let observer: NestExpressApplication;

  beforeAll(async () => {
    const url = new URL(process.env.DATABASE_URL!);
    const name = `crash_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    observer = await createTestApp({ DATABASE_URL: databaseUrl, RUN_WORKER: 'off' });
  });
  afterAll(() => observer.close());

  it('leaves every transfer whole after a kill, and a restart settles each exactly once', async () => {
    const factory = new Factory(observer);
    const { organization, operator } = await factory.tenant();
    const wallet = await factory.wallet(organization.id);
    await factory.fund(wallet, 'USDC', '1000');
    const db = observer.get(DataSource);

    const port = await freePort();
    const env = {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SANDBOX_SEED: 'off',
      WORKER_POLL_MS: '20',
      SIMULATED_CONFIRMATION_MS: '1500',
    };
    const base = `http://127.0.0.1:${port}`;
    const first = startService(env);
    await waitFor(async () => ((await fetch(`${base}/readyz`).catch(() => undefined))?.ok ? true : undefined));

    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const response = await fetch(`${base}/api/v1/transfer_requests`, {
        method: 'POST',
        headers: { ...operator.auth, 'Content-Type': 'application/json', 'Idempotency-Key': `crash-${i}` },
        body: JSON.stringify({ amount: '10', currency: 'USDC', destination: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' }),
      });
      expect(response.status).toBe(201);
      ids.push(((await response.json()) as { id: string }).id);
    }
    // Kill it while transfers are submitted but not yet confirmed.
    await waitFor(async () => {
      const [{ submitted }] = await db.query(
        `SELECT count(*)::int AS submitted FROM transfer_requests WHERE organization_id = $1 AND tx_hash IS NOT NULL`,
        [organization.id],
      );
      return submitted >= 5 ? true : undefined;
    });
    first.kill('SIGKILL');
    await exited(first);

    // Nothing half-written: each request is whole in one state or the next.
    const states = await db.query(
      `SELECT r.status, r.tx_hash IS NOT NULL AS submitted, h.status AS hold,
              (SELECT count(*)::int FROM transactions t WHERE t.request_id = r.id) AS movements
         FROM transfer_requests r JOIN ledger_holds h ON h.id = r.hold_id WHERE r.organization_id = $1`,
      [organization.id],
    );
    expect(states).toHaveLength(20);
    for (const state of states) {
      if (state.status === 'completed') expect(state).toMatchObject({ submitted: true, hold: 'captured', movements: 1 });
      else expect(state).toMatchObject({ status: 'processing', hold: 'active', movements: state.submitted ? 1 : 0 });
    }
    expect(states.some((state: { status: string }) => state.status === 'processing')).toBe(true);
    const [account] = await db.query(`SELECT balance::text, held::text FROM ledger_accounts WHERE wallet_id = $1`, [wallet.id]);
    const completedBefore = states.filter((state: { status: string }) => state.status === 'completed').length;
    expect(Number(account.balance)).toBe(1000 - 10 * completedBefore);
    expect(Number(account.held)).toBe(10 * (20 - completedBefore));

    // A restarted service takes up the work and finishes all of it, once.
    const second = startService(env);
    try {
      await waitFor(async () => {
        const [{ open }] = await db.query(
          `SELECT count(*)::int AS open FROM transfer_requests WHERE organization_id = $1 AND status <> 'completed'`,
          [organization.id],
        );
        return open === 0 ? true : undefined;
      });
    } finally {
      second.kill('SIGTERM');
    }
    expect(await exited(second)).toBe(0);
    const [settled] = await db.query(`SELECT balance::text, held::text FROM ledger_accounts WHERE wallet_id = $1`, [wallet.id]);
    expect(settled).toEqual({ balance: '800.000000000000000000', held: '0.000000000000000000' });
    const [{ entries }] = await db.query(
      `SELECT count(*)::int AS entries FROM ledger_entries WHERE organization_id = $1 AND type = 'transfer'`,
      [organization.id],
    );
    expect(entries).toBe(20);
    const [{ movements }] = await db.query(
      `SELECT count(*)::int AS movements FROM transactions WHERE organization_id = $1 AND type = 'transfer_out' AND status = 'completed'`,
      [organization.id],
    );
    expect(movements).toBe(20);
    const audit = observer.get(AuditService);
    const transferEntries = (await audit.entriesFor(organization.id)).filter((entry) => entry.action.startsWith('transfer_request.'));
    expect(transferEntries).toHaveLength(60); // created, submitted, completed: each exactly once
    expect((await audit.verify(organization.id)).ok).toBe(true);
    expect(ids).toHaveLength(20);
  });

  it('a standalone worker process settles what an API running without a worker accepted', async () => {
    const factory = new Factory(observer);
    const { organization, operator } = await factory.tenant();
    await factory.fund(await factory.wallet(organization.id), 'USDC', '100');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const api = startService({ DATABASE_URL: databaseUrl, PORT: String(port), SANDBOX_SEED: 'off', RUN_WORKER: 'off' });
    const worker = startService(
      { DATABASE_URL: databaseUrl, WORKER_POLL_MS: '20', SIMULATED_CONFIRMATION_MS: '50' },
      'apps/worker/src/main.ts',
    );
    try {
      await waitFor(async () => ((await fetch(`${base}/readyz`).catch(() => undefined))?.ok ? true : undefined));
      const response = await fetch(`${base}/api/v1/transfer_requests`, {
        method: 'POST',
        headers: { ...operator.auth, 'Content-Type': 'application/json', 'Idempotency-Key': 'standalone-1' },
        body: JSON.stringify({ amount: '10', currency: 'USDC', destination: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' }),
      });
      const { id } = (await response.json()) as { id: string };
      const status = await waitFor(async () => {
        const transfer = (await (await fetch(`${base}/api/v1/transfer_requests/${id}`, { headers: operator.auth })).json()) as {
          status: string;
        };
        return transfer.status === 'completed' ? transfer.status : undefined;
      });
      expect(status).toBe('completed');
    } finally {
      api.kill('SIGTERM');
      worker.kill('SIGTERM');
    }
    expect(await exited(api)).toBe(0);
    expect(await exited(worker)).toBe(0);
  });

  it('one Idempotency-Key makes one transfer even when its duplicates reach two service processes at once', async () => {
    const factory = new Factory(observer);
    const { organization, operator } = await factory.tenant();
    await factory.fund(await factory.wallet(organization.id), 'USDC', '100');
    const ports = [await freePort(), await freePort()];
    const services = ports.map((port) =>
      startService({ DATABASE_URL: databaseUrl, PORT: String(port), SANDBOX_SEED: 'off', RUN_WORKER: 'off' }),
    );
    try {
      for (const port of ports)
        await waitFor(async () => ((await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.ok ? true : undefined));
      const statuses = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          fetch(`http://127.0.0.1:${ports[i % 2]}/api/v1/transfer_requests`, {
            method: 'POST',
            headers: { ...operator.auth, 'Content-Type': 'application/json', 'Idempotency-Key': 'two-processes-1' },
            body: JSON.stringify({ amount: '10', currency: 'USDC', destination: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' }),
          }).then((response) => response.status),
        ),
      );
      expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
      const db = observer.get(DataSource);
      const [{ transfers }] = await db.query(`SELECT count(*)::int AS transfers FROM transfer_requests WHERE organization_id = $1`, [
        organization.id,
      ]);
      expect(transfers).toBe(1);
      const [{ held }] = await db.query(`SELECT held::text AS held FROM ledger_accounts WHERE organization_id = $1 AND kind = 'wallet'`, [
        organization.id,
      ]);
      expect(Number(held)).toBe(10);
    } finally {
      for (const service of services) service.kill('SIGTERM');
    }
    for (const service of services) expect(await exited(service)).toBe(0);
  });
});
