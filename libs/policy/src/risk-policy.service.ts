import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { RiskContext, RiskRule, RiskRuleMarker } from './risk-rule';

export interface RiskAssessment {
  level: 'low' | 'high';
  /** The reason code of every rule that found the request high risk. */
  reasons: string[];
  /** Distinct supervisor approvals the request needs before it executes (0 when low risk). */
  approvalsRequired: number;
}

/** Judges a money-moving request by every discovered risk rule: high risk if any rule says so. */
@Injectable()
export class RiskPolicyService implements OnModuleInit {
  private rules: RiskRule[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const instances = this.discovery
      .getProviders({ metadataKey: RiskRuleMarker.KEY })
      .map((wrapper) => wrapper.instance as RiskRule)
      .filter((rule) => rule && typeof rule.evaluate === 'function');
    this.rules = [...new Set(instances)];
  }

  ruleNames(): string[] {
    return this.rules.map((rule) => rule.constructor.name);
  }

  async assess(context: RiskContext): Promise<RiskAssessment> {
    const reasons: string[] = [];
    for (const rule of this.rules) {
      const reason = await rule.evaluate(context);
      if (reason && !reasons.includes(reason)) reasons.push(reason);
    }
    return reasons.length > 0
      ? { level: 'high', reasons, approvalsRequired: context.policy.approvalsRequired }
      : { level: 'low', reasons, approvalsRequired: 0 };
  }
}
