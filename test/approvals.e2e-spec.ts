import { createHash, createPublicKey, verify } from 'node:crypto';
import { OPERATOR_ACTOR } from '@app/common';
import { PolicyService } from '@app/policy';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Credential, Factory, idempotencyKey } from './support/factory';
import { waitFor } from './support/processes';
import { Alg, registerSigningKey, signedApproval, SupervisorKey } from './support/signing';
import { createTestApp } from './support/test-app';

const DESTINATION = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

/** API.md §6: supervisor approvals with RFC 9421 message signatures and their evidence. */
describe('approvals', () => {
  let app: NestExpressApplication;
  let factory: Factory;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp();
    factory = new Factory(app);
  });
  afterAll(() => app.close());

  async function supervisor(organizationId: string, alg: Alg = 'ed25519'): Promise<Credential & { signing: SupervisorKey }> {
    const credential = await factory.key(organizationId, { roles: ['supervisor'], scopes: ['approvals:write', 'treasury:read'] });
    return { ...credential, signing: await registerSigningKey(app, organizationId, credential.id, alg) };
  }

  /** An organization with 50,000 USDC, an operator, and one pending (high-risk) 20,000 USDC transfer. */
  async function pendingTransfer() {
    const { organization, operator } = await factory.tenant();
    const wallet = await factory.wallet(organization.id);
    await factory.fund(wallet, 'USDC', '50000');
    const created = await http()
      .post('/api/v1/transfer_requests')
      .set(operator.auth)
      .set(idempotencyKey())
      .send({ amount: '20000', currency: 'USDC', destination: DESTINATION })
      .expect(201);
    expect(created.body.status).toBe('pending_approval');
    return { organization, operator, wallet, transfer: created.body as { id: string; request_digest: string } };
  }

  const approvePath = (id: string) => `/api/v1/transfer_requests/${id}/approve`;
  const balance = async (auth: Record<string, string>, walletId: string) =>
    (await http().get(`/api/v1/wallets/${walletId}/balances`).set(auth).expect(200)).body.data[0];

  it.each(['ed25519', 'ecdsa-p256-sha256', 'rsa-pss-sha512'] as Alg[])(
    'a %s-signed approval executes the transfer; the ledger moves exactly once',
    async (alg) => {
      const { organization, operator, wallet, transfer } = await pendingTransfer();
      const boss = await supervisor(organization.id, alg);
      const approved = await signedApproval(app, approvePath(transfer.id), boss.auth, boss.signing, {
        request_digest: transfer.request_digest,
        comment: 'Reviewed against invoice INV-7',
      });
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('processing');
      expect(approved.body.approvals).toEqual([
        expect.objectContaining({
          object: 'approval',
          decision: 'approved',
          principal_id: boss.id,
          comment: 'Reviewed against invoice INV-7',
        }),
      ]);
      expect(approved.body.approvals[0].evidence).toMatchObject({ keyid: boss.signing.keyid, alg });

      const done = await waitFor(async () => {
        const current = (await http().get(`/api/v1/transfer_requests/${transfer.id}`).set(operator.auth)).body;
        return current.status === 'completed' ? current : undefined;
      });
      expect(done.transaction_ids).toHaveLength(1);
      expect(await balance(operator.auth, wallet.id)).toMatchObject({ total: '30000', held: '0', available: '30000' });
      const [{ entries }] = await app
        .get(DataSource)
        .query(`SELECT count(*)::int AS entries FROM ledger_entries WHERE organization_id = $1 AND type = 'transfer'`, [organization.id]);
      expect(entries).toBe(1);
    },
  );

  it('refuses an unsigned approval with 401 signature_required and Accept-Signature', async () => {
    const { organization, transfer } = await pendingTransfer();
    const boss = await supervisor(organization.id);
    const response = await http()
      .post(approvePath(transfer.id))
      .set(boss.auth)
      .set(idempotencyKey())
      .send({ request_digest: transfer.request_digest })
      .expect(401);
    expect(response.body).toMatchObject({ error: 'signature_required', code: 401 });
    expect(response.headers['accept-signature']).toContain('"idempotency-key"');
  });

  it('refuses every kind of bad signature with 401 invalid_signature, and the request stays pending', async () => {
    const { organization, operator, transfer } = await pendingTransfer();
    const boss = await supervisor(organization.id);
    const other = await supervisor(organization.id);
    const body = { request_digest: transfer.request_digest };
    const cases: [string, Promise<request.Response>][] = [
      ['unknown key', signedApproval(app, approvePath(transfer.id), boss.auth, boss.signing, body, { keyid: 'no-such-key' })],
      ["another supervisor's key", signedApproval(app, approvePath(transfer.id), boss.auth, other.signing, body)],
      [
        'body changed after signing',
        signedApproval(app, approvePath(transfer.id), boss.auth, boss.signing, body, {
          tamperedBody: JSON.stringify({ ...body, comment: 'x' }),
        }),
      ],
      [
        'stale created',
        signedApproval(app, approvePath(transfer.id), boss.auth, boss.signing, body, {
          created: new Date(Date.now() - 10 * 60_000),
          expires: new Date(Date.now() + 60_000),
        }),
      ],
      [
        'expired',
        signedApproval(app, approvePath(transfer.id), boss.auth, boss.signing, body, {
          created: new Date(Date.now() - 60_000),
          expires: new Date(Date.now() - 1000),
        }),
      ],
      [
        'idempotency-key not covered',
        signedApproval(app, approvePath(transfer.id), boss.auth, boss.signing, body, {
          fields: ['@method', '@target-uri', 'content-digest'],
        }),
      ],
      [
        "alg parameter not the key's",
        signedApproval(app, approvePath(transfer.id), boss.auth, boss.signing, body, { alg: 'rsa-pss-sha512' }),
      ],
      [
        'content-digest not covered',
        signedApproval(app, approvePath(transfer.id), boss.auth, boss.signing, body, {
          fields: ['@method', '@target-uri', 'idempotency-key'],
        }),
      ],
    ];
    for (const [label, call] of cases) {
      const response = await call;
      expect({ label, status: response.status, error: response.body.error }).toEqual({ label, status: 401, error: 'invalid_signature' });
      expect(response.headers['accept-signature']).toBeDefined();
    }
    const pending = await http().get(`/api/v1/transfer_requests/${transfer.id}`).set(operator.auth).expect(200);
    expect(pending.body).toMatchObject({ status: 'pending_approval', approvals: [] });
    // A signature that covers more than required ("@path" instead of "@target-uri", plus content-type) is fine.
    const extra = await signedApproval(app, approvePath(transfer.id), boss.auth, boss.signing, body, {
      fields: ['@method', '@path', 'content-digest', 'idempotency-key', 'content-type'],
    });
    expect(extra.status).toBe(200);
  });

  it('wrong request_digest is a 409; the maker and an operator are refused with 403', async () => {
    const { organization, operator, transfer } = await pendingTransfer();
    const boss = await supervisor(organization.id);
    const wrong = await signedApproval(app, approvePath(transfer.id), boss.auth, boss.signing, { request_digest: 'sha-256=:AAAA:' });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error).toBe('conflict');

    const byOperator = await http()
      .post(approvePath(transfer.id))
      .set(operator.auth)
      .set(idempotencyKey())
      .send({ request_digest: transfer.request_digest });
    expect(byOperator.status).toBe(403);
    expect(byOperator.body.error).toBe('insufficient_scope');

    // A supervisor who also initiates (maker) cannot approve their own request.
    const maker = await factory.key(organization.id, {
      roles: ['supervisor', 'operator'],
      scopes: ['transfers:write', 'approvals:write', 'treasury:read'],
    });
    const makerKey = await registerSigningKey(app, organization.id, maker.id);
    const own = await http()
      .post('/api/v1/transfer_requests')
      .set(maker.auth)
      .set(idempotencyKey())
      .send({ amount: '15000', currency: 'USDC', destination: DESTINATION })
      .expect(201);
    const selfApproval = await signedApproval(app, approvePath(own.body.id), maker.auth, makerKey, {
      request_digest: own.body.request_digest,
    });
    expect(selfApproval.status).toBe(403);
    expect(selfApproval.body.error).toBe('insufficient_scope');
  });

  it('with two approvals required, one supervisor counts once and a second executes it', async () => {
    const { organization, operator, transfer: first } = await pendingTransfer();
    await app.get(PolicyService).update(organization.id, { approvalsRequired: 2 }, OPERATOR_ACTOR);
    const created = await http()
      .post('/api/v1/transfer_requests')
      .set(operator.auth)
      .set(idempotencyKey())
      .send({ amount: '12000', currency: 'USDC', destination: DESTINATION })
      .expect(201);
    expect(created.body.approvals_required).toBe(2);
    expect(first.id).not.toBe(created.body.id);
    const a = await supervisor(organization.id);
    const b = await supervisor(organization.id, 'ecdsa-p256-sha256');
    const body = { request_digest: created.body.request_digest };
    const once = await signedApproval(app, approvePath(created.body.id), a.auth, a.signing, body);
    expect(once.status).toBe(200);
    expect(once.body).toMatchObject({ status: 'pending_approval', approvals: [expect.objectContaining({ principal_id: a.id })] });
    const twice = await signedApproval(app, approvePath(created.body.id), a.auth, a.signing, body);
    expect(twice.status).toBe(409);
    const second = await signedApproval(app, approvePath(created.body.id), b.auth, b.signing, body);
    expect(second.status).toBe(200);
    expect(second.body.status).toBe('processing');
    expect(second.body.approvals.map((approval: { principal_id: string }) => approval.principal_id)).toEqual([a.id, b.id]);
  });

  it('a supervisor rejects without a signature, releasing the funds; a decided request takes no more decisions', async () => {
    const { organization, operator, wallet, transfer } = await pendingTransfer();
    const boss = await supervisor(organization.id);
    const rejected = await http()
      .post(`/api/v1/transfer_requests/${transfer.id}/reject`)
      .set(boss.auth)
      .set(idempotencyKey())
      .send({ comment: 'Unknown beneficiary' })
      .expect(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      approvals: [expect.objectContaining({ decision: 'rejected', evidence: null, comment: 'Unknown beneficiary' })],
    });
    expect(await balance(operator.auth, wallet.id)).toMatchObject({ available: '50000', held: '0' });
    const other = await supervisor(organization.id);
    const afterEnd = await signedApproval(app, approvePath(transfer.id), other.auth, other.signing, {
      request_digest: transfer.request_digest,
    });
    expect(afterEnd.status).toBe(409);
  });

  it('stored evidence re-verifies with nothing but the record and node:crypto', async () => {
    const { organization, operator, transfer } = await pendingTransfer();
    const boss = await supervisor(organization.id);
    expect(
      (await signedApproval(app, approvePath(transfer.id), boss.auth, boss.signing, { request_digest: transfer.request_digest })).status,
    ).toBe(200);
    const record = (await http().get(`/api/v1/transfer_requests/${transfer.id}`).set(operator.auth).expect(200)).body.approvals[0].evidence;
    // 1. The body is what was digested.
    expect(record.content_digest).toBe(`sha-256=:${createHash('sha256').update(record.body).digest('base64')}:`);
    expect(JSON.parse(record.body)).toEqual({ request_digest: transfer.request_digest });
    // 2. The signature base covers that digest and ends with the verified parameters.
    expect(record.signature_base).toContain(`"content-digest": ${record.content_digest}`);
    expect(record.signature_base.endsWith(`"@signature-params": ${record.signature_input.replace(/^[^=]+=/, '')}`)).toBe(true);
    // 3. The signature verifies under the public key.
    const signature = Buffer.from(record.signature.replace(/^[^=]+=:/, '').slice(0, -1), 'base64');
    const key = createPublicKey({ key: record.public_jwk, format: 'jwk' });
    expect(verify(null, Buffer.from(record.signature_base), key, signature)).toBe(true);
    expect(verify(null, Buffer.from(record.signature_base.replace('POST', 'GET')), key, signature)).toBe(false);
    // 4. The same evidence is in the audit log.
    const [audit] = await app
      .get(DataSource)
      .query(`SELECT data FROM audit_log WHERE resource_id = $1 AND action = 'transfer_request.approved'`, [transfer.id]);
    expect(audit.data.evidence).toEqual(record);
  });
});
