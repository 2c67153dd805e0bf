import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { amountProblem, ErrorDetail, formatAmount, InvalidRequestError } from '@app/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { OrganizationPolicy } from './organization-policy.entity';

export interface PolicyChanges {
  highRiskThresholdUsd?: string;
  /** `null` removes the limit. */
  dailyOutflowLimitUsd?: string | null;
  approvalsRequired?: number;
  allowlistEnabled?: boolean;
}

export interface PolicyView {
  object: 'policy';
  organization_id: string;
  high_risk_threshold_usd: string;
  daily_outflow_limit_usd: string | null;
  approvals_required: number;
  allowlist_enabled: boolean;
  updated_at: string;
}

@Injectable()
export class PolicyService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
  ) {}

  private get policies() {
    return this.txHost.tx.getRepository(OrganizationPolicy);
  }

  /** The organization's policy; its row is created with the defaults the first time it is needed. */
  async forOrganization(organizationId: string): Promise<OrganizationPolicy> {
    await this.policies.createQueryBuilder().insert().values({ organizationId }).orIgnore().execute();
    return this.policies.findOneByOrFail({ organizationId });
  }

  async update(organizationId: string, changes: PolicyChanges, actor: string): Promise<OrganizationPolicy> {
    const details: ErrorDetail[] = [];
    const usd = (field: string, value: string) => {
      const problem = amountProblem(value, 18);
      if (problem) details.push({ field, message: problem });
    };
    if (changes.highRiskThresholdUsd !== undefined) usd('high_risk_threshold_usd', changes.highRiskThresholdUsd);
    if (changes.dailyOutflowLimitUsd != null) usd('daily_outflow_limit_usd', changes.dailyOutflowLimitUsd);
    const approvals = changes.approvalsRequired;
    if (approvals !== undefined && (!Number.isInteger(approvals) || approvals < 1 || approvals > 10)) {
      details.push({ field: 'approvals_required', message: 'must be an integer from 1 to 10' });
    }
    if (details.length > 0) throw new InvalidRequestError('Invalid policy.', details);
    await this.forOrganization(organizationId);
    const patch: Partial<OrganizationPolicy> = {};
    if (changes.highRiskThresholdUsd !== undefined) patch.highRiskThresholdUsd = changes.highRiskThresholdUsd;
    if (changes.dailyOutflowLimitUsd !== undefined) patch.dailyOutflowLimitUsd = changes.dailyOutflowLimitUsd;
    if (approvals !== undefined) patch.approvalsRequired = approvals;
    if (changes.allowlistEnabled !== undefined) patch.allowlistEnabled = changes.allowlistEnabled;
    if (Object.keys(patch).length > 0) {
      await this.txHost.withTransaction(async () => {
        await this.policies.update({ organizationId }, patch);
        await this.audit.append(organizationId, actor, 'policy.updated', organizationId, {
          ...PolicyService.view(await this.policies.findOneByOrFail({ organizationId })),
        });
      });
    }
    return this.forOrganization(organizationId);
  }

  static view(policy: OrganizationPolicy): PolicyView {
    return {
      object: 'policy',
      organization_id: policy.organizationId,
      high_risk_threshold_usd: formatAmount(policy.highRiskThresholdUsd),
      daily_outflow_limit_usd: policy.dailyOutflowLimitUsd === null ? null : formatAmount(policy.dailyOutflowLimitUsd),
      approvals_required: policy.approvalsRequired,
      allowlist_enabled: policy.allowlistEnabled,
      updated_at: policy.updatedAt.toISOString(),
    };
  }
}
