import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiKeysService, OrganizationsService } from '@app/auth';
import { loadConfig, SYSTEM_ACTOR } from '@app/common';
import { startEmbeddedDatabase } from '@app/database/embedded/embedded-database';
import { LedgerService, WalletsService } from '@app/ledger';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import autocannon from 'autocannon';
import { AppModule } from '../apps/api/src/app.module';
import { configureApp } from '../apps/api/src/configure-app';

/**
 * Load benchmark of the read paths. Every scenario runs against the same service in this process,
 * and is reported as a ratio to the baseline (`GET /healthz`: the whole HTTP pipeline, no
 * credential, no database), so the numbers compare across machines. Loopback only.
 *
 *   npm run bench            (BENCH_SECONDS=5 BENCH_CONNECTIONS=10 by default)
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

interface Scenario {
  name: string;
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

async function measure(url: string, scenario: Scenario) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: scenario.method ?? 'GET',
        path: scenario.path,
        headers: { 'content-type': 'application/json', ...scenario.headers },
        body: scenario.body,
        // Every POST takes a fresh Idempotency-Key, as a client making new requests would.
        setupRequest: (request) =>
          scenario.method === 'POST' ? { ...request, headers: { ...request.headers, 'idempotency-key': randomUUID() } } : request,
      },
    ],
  });
  const errors = result.non2xx + result.errors + result.timeouts;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nxt-bench-'));
  const database = await startEmbeddedDatabase(dataDir);
  const config = loadConfig({
    DATABASE_URL: database.url,
    API_KEY_HASH_SECRET: 'b'.repeat(32),
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    RATE_LIMIT_PER_MINUTE: '0',
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bodyParser: false, logger: false });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();

  const organization = await app.get(OrganizationsService).create({ name: 'Bench', kycStatus: 'verified' }, SYSTEM_ACTOR);
  const { secret } = await app.get(ApiKeysService).create(
    {
      organizationId: organization.id,
      name: 'bench',
      scopes: ['treasury:read', 'wallets:write', 'transfers:write'],
      roles: ['operator'],
      approved: true,
    },
    SYSTEM_ACTOR,
  );
  for (let i = 0; i < 200; i++) {
    const wallet = await app
      .get(WalletsService)
      .create(organization.id, { name: `w${i}`, chain: i % 2 ? 'base' : 'ethereum' }, SYSTEM_ACTOR);
    if (i < 50) await app.get(LedgerService).deposit(organization.id, wallet.id, 'USDC', '1000.5', SYSTEM_ACTOR);
  }
  // Ample funds on the default wallet (the first created) for the transfer scenario.
  const [first] = (await app.get(WalletsService).list(organization.id, { limit: 200 })).data.slice(-1);
  await app.get(LedgerService).deposit(organization.id, first.id, 'USDC', '100000000', SYSTEM_ACTOR);
  const auth = { Authorization: `Bearer ${secret}` };

  const scenarios: Scenario[] = [
    { name: 'GET /healthz (baseline)', path: '/healthz' },
    { name: 'GET /api/v1/me (API-key auth)', path: '/api/v1/me', headers: auth },
    { name: 'GET /api/v1/wallets?limit=50 (auth + keyset page)', path: '/api/v1/wallets?limit=50', headers: auth },
    { name: 'GET /api/v1/balances?limit=50 (auth + balances page)', path: '/api/v1/balances?limit=50', headers: auth },
    {
      name: 'POST /api/v1/wallets (auth + idempotent write)',
      method: 'POST',
      path: '/api/v1/wallets',
      headers: auth,
      body: JSON.stringify({ name: 'bench', chain: 'base' }),
    },
    {
      name: 'POST /api/v1/transfer_requests (risk, hold, audit; one organization)',
      method: 'POST',
      path: '/api/v1/transfer_requests',
      headers: auth,
      body: JSON.stringify({ amount: '1', currency: 'USDC', destination: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' }),
    },
  ];

  const rows: string[] = [];
  let baseline = 0;
  for (const scenario of scenarios) {
    const { rps, p50, p99, errors } = await measure(url, scenario);
    if (!baseline) baseline = rps;
    rows.push(`| ${scenario.name} | ${Math.round(rps)} | ${(rps / baseline).toFixed(2)} | ${p50} | ${p99} | ${errors} |`);
  }
  process.stdout.write(
    [
      `Node ${process.version}, ${CONNECTIONS} connections, ${SECONDS} s per scenario, load generator in the same process.`,
      '',
      '| scenario | req/s | ratio to baseline | p50 ms | p99 ms | errors |',
      '|---|---:|---:|---:|---:|---:|',
      ...rows,
      '',
    ].join('\n'),
  );
  await app.close();
  await database.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
