import { generateKeyPairSync, JsonWebKey } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { ApiKeysService, INITIATING_SCOPES, OAuthClientsService, OrganizationsService } from '@app/auth';
import { AppConfig, SYSTEM_ACTOR } from '@app/common';
import { LedgerService, WalletsService } from '@app/ledger';
import { SigningKeysService } from '@app/signatures';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface SandboxCredentials {
  base_url: string;
  organization_id: string;
  operator_api_key: string;
  supervisor_api_key: string;
  supervisor_principal_id: string;
  supervisor_signing_key: { keyid: string; alg: string; private_jwk: JsonWebKey };
  oauth_client: { client_id: string; alg: 'ES256'; private_jwk: JsonWebKey };
  wallets: { id: string; chain: string; address: string }[];
}

/** Arbitrary constant naming the advisory lock that keeps two starting replicas from both seeding. */
const SEED_LOCK = 7_205_515_002;

/**
 * First run (API.md §9): on an empty database, a KYC-verified sandbox organization with funded
 * wallets and two API keys, written to DATA_DIR/sandbox-credentials.json (mode 0600).
 */
@Injectable()
export class SandboxSeeder {
  constructor(
    private readonly config: AppConfig,
    private readonly organizations: OrganizationsService,
    private readonly apiKeys: ApiKeysService,
    private readonly wallets: WalletsService,
    private readonly ledger: LedgerService,
    private readonly signingKeys: SigningKeysService,
    private readonly oauthClients: OAuthClientsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  get credentialsPath(): string {
    return join(this.config.dataDir, 'sandbox-credentials.json');
  }

  /** Seeds and returns the credentials when the database has no organization yet; otherwise null. */
  async seedIfEmpty(): Promise<SandboxCredentials | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [SEED_LOCK]);
      if ((await this.organizations.count()) > 0) return null;
      return await this.seed();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK]).catch(() => undefined);
      await runner.release();
    }
  }

  private async seed(): Promise<SandboxCredentials> {
    const organization = await this.organizations.create(
      { name: 'Sandbox Treasury', kycStatus: 'verified', environment: 'sandbox' },
      SYSTEM_ACTOR,
    );
    const ethereum = await this.wallets.create(organization.id, { name: 'Treasury (Ethereum)', chain: 'ethereum' }, SYSTEM_ACTOR);
    const base = await this.wallets.create(organization.id, { name: 'Treasury (Base)', chain: 'base' }, SYSTEM_ACTOR);
    await this.ledger.deposit(organization.id, ethereum.id, 'USDC', '1000000', SYSTEM_ACTOR);
    await this.ledger.deposit(organization.id, ethereum.id, 'ETH', '100', SYSTEM_ACTOR);
    await this.ledger.deposit(organization.id, base.id, 'USDC', '250000', SYSTEM_ACTOR);

    const supervisor = await this.apiKeys.create(
      {
        organizationId: organization.id,
        name: 'Sandbox supervisor',
        scopes: ['approvals:write', 'treasury:read'],
        roles: ['supervisor'],
        approved: true,
      },
      SYSTEM_ACTOR,
    );
    const operator = await this.apiKeys.create(
      {
        organizationId: organization.id,
        name: 'Sandbox operator',
        scopes: INITIATING_SCOPES,
        roles: ['operator'],
      },
      SYSTEM_ACTOR,
    );
    await this.apiKeys.approve(operator.key.id, supervisor.key.id);
    const pair = generateKeyPairSync('ed25519');
    const clientPair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const client = await this.oauthClients.create(
      {
        organizationId: organization.id,
        name: 'Sandbox OAuth client',
        scopes: INITIATING_SCOPES,
        roles: ['operator'],
        approved: true,
        jwk: clientPair.publicKey.export({ format: 'jwk' }),
      },
      SYSTEM_ACTOR,
    );
    const signingKey = await this.signingKeys.add(
      organization.id,
      supervisor.key.id,
      pair.publicKey.export({ format: 'jwk' }),
      SYSTEM_ACTOR,
    );

    const credentials: SandboxCredentials = {
      base_url: this.config.publicBaseUrl,
      organization_id: organization.id,
      operator_api_key: operator.secret,
      supervisor_api_key: supervisor.secret,
      supervisor_principal_id: supervisor.key.id,
      oauth_client: { client_id: client.id, alg: 'ES256', private_jwk: clientPair.privateKey.export({ format: 'jwk' }) },
      supervisor_signing_key: { keyid: signingKey.keyid, alg: signingKey.alg, private_jwk: pair.privateKey.export({ format: 'jwk' }) },
      wallets: [ethereum, base].map((wallet) => ({ id: wallet.id, chain: wallet.chain, address: wallet.address })),
    };
    writeFileSync(this.credentialsPath, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
    chmodSync(this.credentialsPath, 0o600);
    return credentials;
  }
}
