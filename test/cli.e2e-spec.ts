import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { runCli } from './support/processes';
import { idempotencyKey } from './support/factory';
import { createTestApp } from './support/test-app';

/** The operator CLI, run as a separate process against the test database, then checked over HTTP. */
describe('operator CLI', () => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('provisions an organization, keys and a funded wallet, printing one JSON object per command', async () => {
    const org = runCli(['org', 'create', '--name', 'Acme Treasury', '--kyc', 'pending']);
    expect(org.status).toBe(0);
    expect(org.json).toMatchObject({
      object: 'organization',
      id: expect.stringMatching(/^org_/),
      kyc_status: 'pending',
      environment: 'sandbox',
    });
    const orgId = org.json.id as string;

    expect(runCli(['org', 'kyc', '--org', orgId, '--status', 'verified']).json).toMatchObject({ id: orgId, kyc_status: 'verified' });

    const policy = runCli([
      'org',
      'policy',
      '--org',
      orgId,
      '--high-risk-threshold-usd',
      '5000.50',
      '--approvals-required',
      '2',
      '--daily-outflow-limit-usd',
      '100000',
      '--allowlist',
      'on',
    ]);
    expect(policy.json).toMatchObject({
      object: 'policy',
      organization_id: orgId,
      high_risk_threshold_usd: '5000.5',
      approvals_required: 2,
      daily_outflow_limit_usd: '100000',
      allowlist_enabled: true,
    });

    const listed = runCli([
      'allowlist',
      'add',
      '--org',
      orgId,
      '--chain',
      'base',
      '--address',
      '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed',
    ]);
    expect(listed.json).toMatchObject({ object: 'allowlist_entry', chain: 'base', address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' });
    const badAddress = runCli(['allowlist', 'add', '--org', orgId, '--chain', 'base', '--address', '0x123']);
    expect(badAddress.status).not.toBe(0);
    expect(badAddress.json).toMatchObject({ error: 'invalid_request', details: [{ field: 'address' }] });

    const supervisor = runCli([
      'key',
      'create',
      '--org',
      orgId,
      '--name',
      'Boss',
      '--scopes',
      'approvals:write,treasury:read',
      '--roles',
      'supervisor',
      '--approved',
    ]);
    expect(supervisor.json).toMatchObject({
      id: expect.stringMatching(/^key_/),
      secret: expect.stringMatching(/^nxt_test_/),
      supervisor_approved: true,
    });

    const jwkFile = join(mkdtempSync(join(tmpdir(), 'nxt-jwk-')), 'supervisor.jwk');
    writeFileSync(jwkFile, JSON.stringify(generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' })));
    const signingKey = runCli(['signing-key', 'add', '--principal', supervisor.json.id as string, '--jwk', jwkFile]);
    expect(signingKey.json).toMatchObject({
      object: 'signing_key',
      keyid: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      alg: 'ed25519',
      principal_id: supervisor.json.id,
    });

    const operator = runCli([
      'key',
      'create',
      '--org',
      orgId,
      '--name',
      'Ops',
      '--scopes',
      'treasury:read,wallets:write',
      '--roles',
      'operator',
    ]);
    expect(operator.json).toMatchObject({ supervisor_approved: false, roles: ['operator'], scopes: ['treasury:read', 'wallets:write'] });
    const operatorAuth = { Authorization: `Bearer ${operator.json.secret as string}` };
    await request(app.getHttpServer())
      .post('/api/v1/wallets')
      .set(idempotencyKey())
      .set(operatorAuth)
      .send({ name: 'x', chain: 'base' })
      .expect(403);

    const clientJwk = join(mkdtempSync(join(tmpdir(), 'nxt-jwk-')), 'client.jwk');
    writeFileSync(clientJwk, JSON.stringify(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' })));
    const client = runCli([
      'client',
      'create',
      '--org',
      orgId,
      '--name',
      'ERP',
      '--scopes',
      'treasury:read,transfers:write',
      '--roles',
      'operator',
      '--jwk',
      clientJwk,
    ]);
    expect(client.json).toMatchObject({
      client_id: expect.stringMatching(/^cli_/),
      token_endpoint_auth_method: 'private_key_jwt',
      scopes: ['treasury:read', 'transfers:write'],
    });
    const rotated = runCli(['server-key', 'rotate']);
    expect(rotated.json).toMatchObject({ object: 'server_signing_key', kid: expect.any(String), alg: 'ES256' });

    const notSupervisor = runCli(['signing-key', 'add', '--principal', operator.json.id as string, '--jwk', jwkFile]);
    expect(notSupervisor.status).not.toBe(0);
    expect(notSupervisor.json.error).toBe('invalid_request');

    const approved = runCli(['key', 'approve', '--key', operator.json.id as string, '--by', supervisor.json.id as string]);
    expect(approved.json).toMatchObject({ id: operator.json.id, supervisor_approved: true, approved_by: supervisor.json.id });
    expect(approved.json.secret).toBeUndefined();
    expect(approved.stdout).not.toContain(operator.json.secret as string);

    const wallet = runCli(['wallet', 'create', '--org', orgId, '--name', 'Main', '--chain', 'arbitrum']);
    expect(wallet.json).toMatchObject({ object: 'wallet', chain: 'arbitrum', is_default: true });
    const funded = runCli(['wallet', 'fund', '--wallet', wallet.json.id as string, '--currency', 'USDC', '--amount', '1500.25']);
    expect(funded.json).toMatchObject({
      object: 'transaction',
      type: 'deposit',
      amount: '1500.25',
      direction: 'credit',
      status: 'completed',
      wallet_id: wallet.json.id,
    });

    const balances = await request(app.getHttpServer()).get('/api/v1/balances').set(operatorAuth).expect(200);
    expect(balances.body.data).toEqual([expect.objectContaining({ currency: 'USDC', total: '1500.25', available: '1500.25' })]);

    const revoked = runCli(['key', 'revoke', '--key', operator.json.id as string]);
    expect(revoked.json.revoked_at).toEqual(expect.any(String));
    await request(app.getHttpServer()).get('/api/v1/me').set(operatorAuth).expect(401);
  });

  it('answers bad input with one JSON error and a non-zero exit', () => {
    const missing = runCli(['org', 'create', '--kyc', 'verified']);
    expect(missing.status).not.toBe(0);
    expect(missing.json).toEqual({ error: 'invalid_request', message: expect.stringContaining('--name') });

    const badKyc = runCli(['org', 'create', '--name', 'X', '--kyc', 'maybe']);
    expect(badKyc.status).not.toBe(0);
    expect(badKyc.json).toMatchObject({ error: 'invalid_request', details: [{ field: 'kyc', message: expect.any(String) }] });

    const unknownOrg = runCli(['wallet', 'create', '--org', 'org_nope', '--name', 'X', '--chain', 'base']);
    expect(unknownOrg.status).not.toBe(0);
    expect(unknownOrg.json.error).toBe('not_found');

    const badScope = runCli(['key', 'create', '--org', 'org_nope', '--name', 'X', '--scopes', 'everything']);
    expect(badScope.status).not.toBe(0);

    const unknownCommand = runCli(['launch', 'rockets']);
    expect(unknownCommand.status).not.toBe(0);
    expect(unknownCommand.json.error).toBe('invalid_request');
  });
});
