import { RiskContext, RiskRule, RiskRuleProvider } from '../risk-rule';

/** High risk when today's outflow, this request included, would pass `daily_outflow_limit_usd`. */
@RiskRuleProvider()
export class DailyOutflowRule implements RiskRule {
  async evaluate({ usdValue, outflowTodayUsd, policy }: RiskContext): Promise<string | null> {
    if (policy.dailyOutflowLimitUsd === null) return null;
    return outflowTodayUsd.plus(usdValue).gt(policy.dailyOutflowLimitUsd) ? 'daily_outflow_limit_exceeded' : null;
  }
}
