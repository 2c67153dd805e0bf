import { Injectable } from '@nestjs/common';
import { organizationView, OrganizationsService } from '@app/auth';
import { InvalidRequestError, OPERATOR_ACTOR } from '@app/common';
import { PolicyService } from '@app/policy';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { printJson } from '../output';

@Injectable()
@SubCommand({ name: 'create', description: 'Create an organization; prints {"id":"org_…", …}' })
export class OrgCreateCommand extends CommandRunner {
  constructor(private readonly organizations: OrganizationsService) {
    super();
  }

  async run(_args: string[], options: { name: string; kyc: string; environment: string }): Promise<void> {
    printJson(
      organizationView(
        await this.organizations.create({ name: options.name, kycStatus: options.kyc, environment: options.environment }, OPERATOR_ACTOR),
      ),
    );
  }

  @Option({ flags: '--name <name>', required: true, description: 'display name' })
  parseName(value: string) {
    return value;
  }

  @Option({ flags: '--kyc <status>', defaultValue: 'unverified', description: 'verified | pending | unverified | rejected' })
  parseKyc(value: string) {
    return value;
  }

  @Option({
    flags: '--environment <environment>',
    defaultValue: 'sandbox',
    description: 'sandbox (simulated network, nxt_test_ keys) | live',
  })
  parseEnvironment(value: string) {
    return value;
  }
}

@Injectable()
@SubCommand({ name: 'kyc', description: "Set an organization's KYC status" })
export class OrgKycCommand extends CommandRunner {
  constructor(private readonly organizations: OrganizationsService) {
    super();
  }

  async run(_args: string[], options: { org: string; status: string }): Promise<void> {
    printJson(organizationView(await this.organizations.setKycStatus(options.org, options.status, OPERATOR_ACTOR)));
  }

  @Option({ flags: '--org <id>', required: true })
  parseOrg(value: string) {
    return value;
  }

  @Option({ flags: '--status <status>', required: true, description: 'verified | pending | unverified | rejected' })
  parseStatus(value: string) {
    return value;
  }
}

@Injectable()
@SubCommand({ name: 'policy', description: "Show or change an organization's risk policy" })
export class OrgPolicyCommand extends CommandRunner {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly policies: PolicyService,
  ) {
    super();
  }

  async run(
    _args: string[],
    options: { org: string; highRiskThresholdUsd?: string; approvalsRequired?: string; dailyOutflowLimitUsd?: string; allowlist?: string },
  ): Promise<void> {
    await this.organizations.get(options.org);
    if (options.allowlist !== undefined && !['on', 'off'].includes(options.allowlist)) {
      throw new InvalidRequestError('Invalid --allowlist.', [{ field: 'allowlist', message: 'must be on or off' }]);
    }
    const approvals = options.approvalsRequired;
    if (approvals !== undefined && !/^\d+$/.test(approvals)) {
      throw new InvalidRequestError('Invalid --approvals-required.', [
        { field: 'approvals_required', message: 'must be an integer from 1 to 10' },
      ]);
    }
    const policy = await this.policies.update(
      options.org,
      {
        highRiskThresholdUsd: options.highRiskThresholdUsd,
        approvalsRequired: approvals === undefined ? undefined : Number(approvals),
        dailyOutflowLimitUsd: options.dailyOutflowLimitUsd === 'none' ? null : options.dailyOutflowLimitUsd,
        allowlistEnabled: options.allowlist === undefined ? undefined : options.allowlist === 'on',
      },
      OPERATOR_ACTOR,
    );
    printJson(PolicyService.view(policy));
  }

  @Option({ flags: '--org <id>', required: true })
  parseOrg(value: string) {
    return value;
  }

  @Option({ flags: '--high-risk-threshold-usd <usd>', description: 'USD value at which a request needs approval (default 10000)' })
  parseThreshold(value: string) {
    return value;
  }

  @Option({ flags: '--approvals-required <n>', description: 'distinct supervisor approvals needed (1-10)' })
  parseApprovals(value: string) {
    return value;
  }

  @Option({
    flags: '--daily-outflow-limit-usd <usd>',
    description: 'daily outflow in USD beyond which requests need approval; "none" removes it',
  })
  parseDailyLimit(value: string) {
    return value;
  }

  @Option({ flags: '--allowlist <on|off>', description: 'require approval for destinations outside the address allowlist' })
  parseAllowlist(value: string) {
    return value;
  }
}

@Command({ name: 'org', description: 'Organizations', subCommands: [OrgCreateCommand, OrgKycCommand, OrgPolicyCommand] })
export class OrgCommand extends CommandRunner {
  async run(): Promise<void> {
    throw new InvalidRequestError('Missing subcommand: org create | kyc | policy.');
  }
}
