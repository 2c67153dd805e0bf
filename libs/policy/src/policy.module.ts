import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuditModule } from '@app/audit';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AllowlistEntry } from './allowlist-entry.entity';
import { AllowlistService } from './allowlist.service';
import { OrganizationPolicy } from './organization-policy.entity';
import { PolicyService } from './policy.service';
import { RiskPolicyService } from './risk-policy.service';
import { AddressAllowlistRule } from './rules/address-allowlist.rule';
import { AmountThresholdRule } from './rules/amount-threshold.rule';
import { DailyOutflowRule } from './rules/daily-outflow.rule';

/** The organization's policy, its address allowlist, and the risk rules that judge each request. */
@Module({
  imports: [TypeOrmModule.forFeature([OrganizationPolicy, AllowlistEntry]), DiscoveryModule, AuditModule],
  providers: [PolicyService, AllowlistService, RiskPolicyService, AmountThresholdRule, DailyOutflowRule, AddressAllowlistRule],
  exports: [PolicyService, AllowlistService, RiskPolicyService],
})
export class PolicyModule {}
