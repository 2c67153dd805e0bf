import { Injectable, applyDecorators } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Money } from '@app/common';
import { OrganizationPolicy } from './organization-policy.entity';

/** What a risk rule sees of a money-moving request (API.md §6). */
export interface RiskContext {
  organizationId: string;
  policy: OrganizationPolicy;
  /** `transfer`, `swap`, `bridge` or `agent_batch`. */
  kind: string;
  /** The request's value in USD. */
  usdValue: Money;
  /** USD value of the organization's outflow already accepted today (UTC), this request excluded. */
  outflowTodayUsd: Money;
  /** Where the money goes; null when it stays within the organization's own wallets. */
  externalDestination: { chain: string; address: string } | null;
}

/**
 * One reason a request may be high risk. Rules are discovered: any provider class decorated with
 * `@RiskRuleProvider()` in the application takes part, so an enterprise team adds a rule by
 * providing one, without touching this library.
 */
export interface RiskRule {
  /** The reason code when the rule finds the request high risk (listed in `risk.reasons`), else null. */
  evaluate(context: RiskContext): Promise<string | null>;
}

export const RiskRuleMarker = DiscoveryService.createDecorator<void>();

/** Makes a class a risk rule that the RiskPolicyService discovers (list it among a module's providers). */
export const RiskRuleProvider = () => applyDecorators(Injectable(), RiskRuleMarker());
