import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AllowlistEntry } from '../allowlist-entry.entity';
import { RiskContext, RiskRule, RiskRuleProvider } from '../risk-rule';

/** With the allowlist on, high risk when money leaves for an address not on it. */
@RiskRuleProvider()
export class AddressAllowlistRule implements RiskRule {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async evaluate({ organizationId, policy, externalDestination }: RiskContext): Promise<string | null> {
    if (!policy.allowlistEnabled || externalDestination === null) return null;
    const listed = await this.txHost.tx.getRepository(AllowlistEntry).existsBy({ organizationId, ...externalDestination });
    return listed ? null : 'destination_not_allowlisted';
  }
}
