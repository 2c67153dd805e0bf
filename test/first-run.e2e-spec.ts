import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exited, freePort, runCli, startService, waitFor } from './support/processes';

async function getJson(url: string, headers: Record<string, string>): Promise<any> {
  return (await fetch(url, { headers })).json();
}

/**
 * `npm start` on a fresh machine: the service starts its own embedded PostgreSQL under DATA_DIR,
 * migrates, seeds the sandbox, prints where the credentials are, and serves them; the CLI joins the
 * running database; SIGTERM stops everything cleanly; a restart keeps the data and seeds nothing.
 */
describe('first run', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nxt-first-run-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds the sandbox on an embedded database, serves it, and shuts down cleanly', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = {
      DATA_DIR: dataDir,
      PORT: String(port),
      DATABASE_URL: undefined,
      API_KEY_HASH_SECRET: undefined,
      SANDBOX_SEED: undefined,
      LOG_LEVEL: 'info',
    };
    const service = startService(env);
    try {
      await waitFor(async () => ((await fetch(`${base}/readyz`).catch(() => undefined))?.ok ? true : undefined));
      const path = join(dataDir, 'sandbox-credentials.json');
      expect(statSync(path).mode & 0o777).toBe(0o600);
      await waitFor(() => (service.output().includes('Sandbox credentials:') ? true : undefined));
      expect(service.output()).toContain(path);

      const credentials = JSON.parse(readFileSync(path, 'utf8'));
      expect(credentials).toMatchObject({
        base_url: `http://localhost:${port}`,
        organization_id: expect.stringMatching(/^org_/),
        operator_api_key: expect.stringMatching(/^nxt_test_/),
        supervisor_api_key: expect.stringMatching(/^nxt_test_/),
        supervisor_principal_id: expect.stringMatching(/^key_/),
        wallets: [
          { id: expect.stringMatching(/^wal_/), chain: 'ethereum', address: expect.stringMatching(/^0x[0-9a-fA-F]{40}$/) },
          { id: expect.stringMatching(/^wal_/), chain: 'base', address: expect.stringMatching(/^0x[0-9a-fA-F]{40}$/) },
        ],
      });
      expect(credentials.oauth_client).toMatchObject({
        client_id: expect.stringMatching(/^cli_/),
        alg: 'ES256',
        private_jwk: { kty: 'EC', crv: 'P-256', d: expect.any(String) },
      });
      expect(credentials.supervisor_signing_key).toMatchObject({
        keyid: expect.any(String),
        alg: 'ed25519',
        private_jwk: { kty: 'OKP', crv: 'Ed25519', d: expect.any(String) },
      });
      const operator = { Authorization: `Bearer ${credentials.operator_api_key}` };
      const supervisor = { Authorization: `Bearer ${credentials.supervisor_api_key}` };

      const me = await getJson(`${base}/api/v1/me`, operator);
      expect(me).toMatchObject({
        organization: { id: credentials.organization_id, kyc_status: 'verified' },
        roles: ['operator'],
        supervisor_approved: true,
      });
      expect(me.scopes).toEqual(
        expect.arrayContaining([
          'treasury:read',
          'transfers:write',
          'swaps:write',
          'bridges:write',
          'bulk:write',
          'agent_batches:write',
          'reports:write',
        ]),
      );
      const boss = await getJson(`${base}/api/v1/me`, supervisor);
      expect(boss).toMatchObject({
        id: credentials.supervisor_principal_id,
        roles: ['supervisor'],
        scopes: ['approvals:write', 'treasury:read'],
      });

      const [ethereum, baseWallet] = credentials.wallets;
      const wallet = await getJson(`${base}/api/v1/wallets/${ethereum.id}`, operator);
      expect(wallet.is_default).toBe(true);
      const balances = await getJson(`${base}/api/v1/balances`, operator);
      const holdings = balances.data
        .map((b: { wallet_id: string; currency: string; total: string }) => `${b.wallet_id}:${b.currency}:${b.total}`)
        .sort();
      expect(holdings).toEqual([`${baseWallet.id}:USDC:250000`, `${ethereum.id}:ETH:100`, `${ethereum.id}:USDC:1000000`].sort());

      // The CLI joins the PostgreSQL the running service started.
      const funded = runCli(['wallet', 'fund', '--wallet', baseWallet.id, '--currency', 'EURC', '--amount', '10'], env);
      expect(funded.json).toMatchObject({ object: 'transaction', amount: '10' });
      const eurc = await getJson(`${base}/api/v1/balances?currency=EURC`, operator);
      expect(eurc.data).toEqual([expect.objectContaining({ wallet_id: baseWallet.id, total: '10' })]);

      // The README's approval script works as printed against the sandbox.
      const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
      const script = /<!-- approve-example -->\n```js\n([\s\S]*?)```/.exec(readme)![1];
      const scriptPath = join(dataDir, 'approve.mjs');
      writeFileSync(scriptPath, script);
      const run = spawnSync(process.execPath, [scriptPath], { env: { ...process.env, CREDENTIALS: path }, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/created tr_\w+ pending_approval \[ 'amount_at_or_above_threshold' \]/);
      expect(run.stdout).toContain(`approved 200 processing ${credentials.supervisor_signing_key.keyid}`);

      // Structured request logs carry the request id but never a credential.
      await fetch(`${base}/api/v1/me`, { headers: { ...operator, 'X-Request-Id': 'trace-me-1' } });
      const logLines = await waitFor(() => {
        const lines = service
          .output()
          .split('\n')
          .filter((line) => line.includes('"trace-me-1"'));
        return lines.length > 0 ? lines : undefined;
      });
      expect(JSON.parse(logLines[0])).toMatchObject({ req: { id: 'trace-me-1', headers: { authorization: '[redacted]' } } });
      const structured = service
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'));
      expect(structured.length).toBeGreaterThan(5);
      for (const line of structured) {
        expect(line).not.toContain(credentials.operator_api_key);
        expect(line).not.toContain(credentials.supervisor_api_key);
      }
    } finally {
      service.kill('SIGTERM');
    }
    expect(await exited(service)).toBe(0);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    // A restart keeps everything and seeds nothing new.
    const before = readFileSync(join(dataDir, 'sandbox-credentials.json'), 'utf8');
    const again = startService(env);
    try {
      await waitFor(async () => ((await fetch(`${base}/readyz`).catch(() => undefined))?.ok ? true : undefined));
      const operator = { Authorization: `Bearer ${JSON.parse(before).operator_api_key}` };
      const response = await fetch(`${base}/api/v1/me`, { headers: operator });
      expect(response.status).toBe(200);
      expect(again.output()).not.toContain('Sandbox seeded');
    } finally {
      again.kill('SIGTERM');
    }
    expect(await exited(again)).toBe(0);
    expect(readFileSync(join(dataDir, 'sandbox-credentials.json'), 'utf8')).toBe(before);
  });
});
