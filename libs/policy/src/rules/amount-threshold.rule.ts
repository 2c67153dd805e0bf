import { RiskContext, RiskRule, RiskRuleProvider } from '../risk-rule';

/** High risk when the request's USD value reaches the organization's `high_risk_threshold_usd`. */
@RiskRuleProvider()
export class AmountThresholdRule implements RiskRule {
  async evaluate({ usdValue, policy }: RiskContext): Promise<string | null> {
    return usdValue.gte(policy.highRiskThresholdUsd) ? 'amount_at_or_above_threshold' : null;
  }
}
