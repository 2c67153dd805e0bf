import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { Factory, idempotencyKey } from './support/factory';
import { createTestApp } from './support/test-app';

const TRANSFER = { amount: '1', currency: 'USDC', destination: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' };

/** API.md §8, in each of its three modes. */
describe('KYC gate', () => {
  const apps: NestExpressApplication[] = [];
  afterAll(() => Promise.all(apps.map((app) => app.close())));

  async function setUp(mode: 'money_movement' | 'strict' | 'off') {
    const app = await createTestApp({ KYC_ENFORCEMENT: mode });
    apps.push(app);
    const factory = new Factory(app);
    const { organization, operator } = await factory.tenant('pending');
    await factory.fund(await factory.wallet(organization.id), 'USDC', '100');
    const http = () => request(app.getHttpServer());
    return {
      transfer: () => http().post('/api/v1/transfer_requests').set(operator.auth).set(idempotencyKey()).send(TRANSFER),
      read: (path: string) => http().get(path).set(operator.auth),
      createWallet: () => http().post('/api/v1/wallets').set(operator.auth).set(idempotencyKey()).send({ name: 'w', chain: 'base' }),
    };
  }

  it('money_movement (default): an unverified organization may read but not move money', async () => {
    const org = await setUp('money_movement');
    const refused = await org.transfer().expect(403);
    expect(refused.body).toMatchObject({ error: 'kyc_required', code: 403 });
    await org.read('/api/v1/wallets').expect(200);
    await org.read('/api/v1/balances').expect(200);
    await org.read('/api/v1/transfer_requests').expect(200);
    await org.createWallet().expect(201);
  });

  it('strict: reads are gated too, but never /me', async () => {
    const org = await setUp('strict');
    expect((await org.read('/api/v1/wallets').expect(403)).body.error).toBe('kyc_required');
    await org.read('/api/v1/transactions').expect(403);
    await org.transfer().expect(403);
    const me = await org.read('/api/v1/me').expect(200);
    expect(me.body.organization.kyc_status).toBe('pending');
  });

  it('off: no gate', async () => {
    const org = await setUp('off');
    await org.transfer().expect(201);
  });

  it('a verified organization is never gated', async () => {
    const app = await createTestApp({ KYC_ENFORCEMENT: 'strict' });
    apps.push(app);
    const factory = new Factory(app);
    const { organization, operator } = await factory.tenant('verified');
    await factory.fund(await factory.wallet(organization.id), 'USDC', '100');
    await request(app.getHttpServer()).get('/api/v1/wallets').set(operator.auth).expect(200);
    await request(app.getHttpServer())
      .post('/api/v1/transfer_requests')
      .set(operator.auth)
      .set(idempotencyKey())
      .send(TRANSFER)
      .expect(201);
  });
});
