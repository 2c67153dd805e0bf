import { INestApplication } from '@nestjs/common';
import { ApiKeysService, INITIATING_SCOPES, KycStatus, Organization, OrganizationsService, Role, Scope } from '@app/auth';
import { LedgerService, Wallet, WalletsService } from '@app/ledger';
import { randomBytes, randomUUID } from 'node:crypto';
import { OPERATOR_ACTOR } from '@app/common';

export interface Credential {
  id: string;
  secret: string;
  auth: { Authorization: string };
}

/**
 * Builds fresh tenants and credentials through the real services, so every test owns its rows and
 * none depends on another's data or order.
 */
export class Factory {
  constructor(private readonly app: INestApplication) {}

  async organization(kycStatus: KycStatus = 'verified'): Promise<Organization> {
    return this.app.get(OrganizationsService).create({ name: `Test org ${randomBytes(3).toString('hex')}`, kycStatus }, OPERATOR_ACTOR);
  }

  async key(
    organizationId: string,
    options: { scopes?: Scope[]; roles?: Role[]; approved?: boolean; expiresAt?: Date } = {},
  ): Promise<Credential> {
    const { key, secret } = await this.app.get(ApiKeysService).create(
      {
        organizationId,
        name: 'test key',
        scopes: options.scopes ?? INITIATING_SCOPES,
        roles: options.roles ?? ['operator'],
        approved: options.approved ?? true,
        expiresAt: options.expiresAt,
      },
      OPERATOR_ACTOR,
    );
    return { id: key.id, secret, auth: { Authorization: `Bearer ${secret}` } };
  }

  /** An organization with an approved operator key (the usual starting point). */
  async tenant(kycStatus: KycStatus = 'verified'): Promise<{ organization: Organization; operator: Credential }> {
    const organization = await this.organization(kycStatus);
    return { organization, operator: await this.key(organization.id) };
  }

  async wallet(organizationId: string, chain = 'ethereum', name = 'wallet'): Promise<Wallet> {
    return this.app.get(WalletsService).create(organizationId, { name, chain }, OPERATOR_ACTOR);
  }

  async fund(wallet: Wallet, currency: string, amount: string): Promise<void> {
    await this.app.get(LedgerService).deposit(wallet.organizationId, wallet.id, currency, amount, OPERATOR_ACTOR);
  }
}

/** A fresh Idempotency-Key header, for POSTs whose idempotency is not what the test is about. */
export function idempotencyKey(): { 'Idempotency-Key': string } {
  return { 'Idempotency-Key': randomUUID() };
}
