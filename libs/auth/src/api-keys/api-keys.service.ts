import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { AppConfig, InvalidRequestError, newId, NotFoundError } from '@app/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { IsNull } from 'typeorm';
import { Organization } from '../organizations/organization.entity';
import { Principal, ROLES, SCOPES } from '../principal';
import { toPrincipal } from '../principal-record';
import { ApiKey } from './api-key.entity';
import { API_KEY_FORMAT, generateApiKeySecret, hashApiKeySecret, sameHash, secretHint } from './api-key-secret';

export interface CreateApiKeyInput {
  organizationId: string;
  name: string;
  scopes: string[];
  roles: string[];
  /** Create the key already supervisor-approved (bootstrap and sandbox only). */
  approved?: boolean;
  expiresAt?: Date | null;
}

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly config: AppConfig,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
  ) {}

  private get keys() {
    return this.txHost.tx.getRepository(ApiKey);
  }

  private get organizations() {
    return this.txHost.tx.getRepository(Organization);
  }

  /** Creates a key; the returned secret exists nowhere else and cannot be shown again. */
  async create(input: CreateApiKeyInput, actor: string): Promise<{ key: ApiKey; secret: string }> {
    const organization = await this.organizations.findOneBy({ id: input.organizationId });
    if (!organization) throw new NotFoundError(`Organization ${input.organizationId} does not exist.`);
    const name = input.name.trim();
    if (name.length === 0 || name.length > 200) {
      throw new InvalidRequestError('Invalid key name.', [{ field: 'name', message: 'must be 1 to 200 characters' }]);
    }
    const scopes = checkedList('scopes', input.scopes, SCOPES);
    const roles = checkedList('roles', input.roles, ROLES);
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
      throw new InvalidRequestError('Invalid expiry.', [{ field: 'expires_at', message: 'must be in the future' }]);
    }
    const secret = generateApiKeySecret(organization.environment);
    const key = this.keys.create({
      id: newId('key'),
      organizationId: organization.id,
      name,
      secretHash: hashApiKeySecret(secret, this.config.apiKeyHashSecret),
      secretHint: secretHint(secret),
      scopes,
      roles,
      supervisorApproved: input.approved === true,
      approvedBy: null,
      approvedAt: input.approved ? new Date() : null,
      expiresAt: input.expiresAt ?? null,
      revokedAt: null,
    });
    await this.txHost.withTransaction(async () => {
      await this.keys.insert(key);
      await this.audit.append(organization.id, actor, 'api_key.created', key.id, {
        name,
        scopes,
        roles,
        supervisor_approved: key.supervisorApproved,
        expires_at: key.expiresAt?.toISOString() ?? null,
      });
    });
    return { key: await this.get(key.id), secret };
  }

  async get(id: string): Promise<ApiKey> {
    const key = await this.keys.findOneBy({ id });
    if (!key) throw new NotFoundError(`API key ${id} does not exist.`);
    return key;
  }

  /**
   * Marks a key supervisor-approved. The approver must be a different, active, approved supervisor
   * of the same organization: nobody approves their own key.
   */
  async approve(id: string, approverId: string): Promise<ApiKey> {
    const key = await this.get(id);
    if (key.revokedAt) throw new InvalidRequestError(`API key ${id} is revoked.`);
    const approver = await this.keys.findOneBy({ id: approverId, organizationId: key.organizationId, revokedAt: IsNull() });
    if (!approver) {
      throw new InvalidRequestError('The approver must be an active principal of the same organization.', [
        { field: 'by', message: 'unknown, revoked, or of another organization' },
      ]);
    }
    if (approver.id === key.id) {
      throw new InvalidRequestError('A key cannot approve itself.', [{ field: 'by', message: 'must be another principal' }]);
    }
    if (!approver.roles.includes('supervisor') || !approver.supervisorApproved) {
      throw new InvalidRequestError('The approver must be an approved supervisor.', [
        { field: 'by', message: 'lacks the supervisor role or is not approved itself' },
      ]);
    }
    if (!key.supervisorApproved) {
      await this.txHost.withTransaction(async () => {
        await this.keys.update({ id }, { supervisorApproved: true, approvedBy: approver.id, approvedAt: new Date() });
        await this.audit.append(key.organizationId, approver.id, 'api_key.approved', id);
      });
    }
    return this.get(id);
  }

  /** Revokes a key. Takes effect on the next request on every replica: keys are never cached. */
  async revoke(id: string, actor: string): Promise<ApiKey> {
    const key = await this.get(id);
    if (!key.revokedAt) {
      await this.txHost.withTransaction(async () => {
        await this.keys.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
        await this.audit.append(key.organizationId, actor, 'api_key.revoked', id);
      });
    }
    return this.get(id);
  }

  /** The principal a presented secret belongs to, or null when it is unknown, revoked or expired. */
  async authenticate(secret: string): Promise<Principal | null> {
    if (!API_KEY_FORMAT.test(secret)) return null;
    const presented = hashApiKeySecret(secret, this.config.apiKeyHashSecret);
    const row = await this.keys
      .createQueryBuilder('key')
      .addSelect('key.secretHash')
      .innerJoinAndMapOne('key.organization', Organization, 'organization', 'organization.id = key.organization_id')
      .where('key.secret_hash = :presented', { presented })
      .getOne();
    const key = row as (ApiKey & { organization: Organization }) | null;
    if (!key || !sameHash(key.secretHash, presented)) return null;
    if (key.revokedAt || (key.expiresAt && key.expiresAt.getTime() <= Date.now())) return null;
    return toPrincipal(key, key.organization, 'api_key');
  }
}

function checkedList<T extends string>(field: string, values: string[], allowed: readonly T[]): T[] {
  const unknown = values.filter((value) => !(allowed as readonly string[]).includes(value));
  if (unknown.length > 0) {
    throw new InvalidRequestError(`Unknown ${field}: ${unknown.join(', ')}.`, [{ field, message: `must be among ${allowed.join(', ')}` }]);
  }
  return [...new Set(values)] as T[];
}
