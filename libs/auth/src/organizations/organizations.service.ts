import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { InvalidRequestError, newId, NotFoundError } from '@app/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { KYC_STATUSES, KycStatus, Organization, ORGANIZATION_ENVIRONMENTS, OrganizationEnvironment } from './organization.entity';

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
  ) {}

  private get organizations() {
    return this.txHost.tx.getRepository(Organization);
  }

  /** `actor` (who asked) is recorded in the audit log, as for every change below. */
  async create(input: { name: string; kycStatus: string; environment?: string }, actor: string): Promise<Organization> {
    const name = input.name.trim();
    if (name.length === 0 || name.length > 200) {
      throw new InvalidRequestError('Invalid organization name.', [{ field: 'name', message: 'must be 1 to 200 characters' }]);
    }
    const organization = this.organizations.create({
      id: newId('org'),
      name,
      kycStatus: checkedKyc(input.kycStatus),
      environment: checkedEnvironment(input.environment ?? 'sandbox'),
    });
    await this.txHost.withTransaction(async () => {
      await this.organizations.insert(organization);
      await this.audit.append(organization.id, actor, 'organization.created', organization.id, {
        name,
        kyc_status: organization.kycStatus,
        environment: organization.environment,
      });
    });
    return this.get(organization.id);
  }

  async get(id: string): Promise<Organization> {
    const organization = await this.organizations.findOneBy({ id });
    if (!organization) throw new NotFoundError(`Organization ${id} does not exist.`);
    return organization;
  }

  async setKycStatus(id: string, status: string, actor: string): Promise<Organization> {
    const before = await this.get(id);
    const kycStatus = checkedKyc(status);
    await this.txHost.withTransaction(async () => {
      await this.organizations.update({ id }, { kycStatus });
      await this.audit.append(id, actor, 'organization.kyc_status_changed', id, { from: before.kycStatus, to: kycStatus });
    });
    return this.get(id);
  }

  async count(): Promise<number> {
    return this.organizations.count();
  }
}

function checkedKyc(value: string): KycStatus {
  if ((KYC_STATUSES as readonly string[]).includes(value)) return value as KycStatus;
  throw new InvalidRequestError('Invalid KYC status.', [{ field: 'kyc', message: `must be one of ${KYC_STATUSES.join(', ')}` }]);
}

function checkedEnvironment(value: string): OrganizationEnvironment {
  if ((ORGANIZATION_ENVIRONMENTS as readonly string[]).includes(value)) return value as OrganizationEnvironment;
  throw new InvalidRequestError('Invalid environment.', [
    { field: 'environment', message: `must be one of ${ORGANIZATION_ENVIRONMENTS.join(', ')}` },
  ]);
}
