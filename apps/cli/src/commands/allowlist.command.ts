import { Injectable } from '@nestjs/common';
import { OrganizationsService } from '@app/auth';
import { InvalidRequestError, OPERATOR_ACTOR } from '@app/common';
import { CatalogService } from '@app/ledger';
import { AllowlistService } from '@app/policy';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { printJson } from '../output';

@Injectable()
@SubCommand({ name: 'add', description: "Add a destination address to an organization's allowlist" })
export class AllowlistAddCommand extends CommandRunner {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly catalog: CatalogService,
    private readonly allowlist: AllowlistService,
  ) {
    super();
  }

  async run(_args: string[], options: { org: string; chain: string; address: string }): Promise<void> {
    await this.organizations.get(options.org);
    const chain = this.catalog.chain(options.chain).code;
    printJson(AllowlistService.view(await this.allowlist.add(options.org, chain, options.address, OPERATOR_ACTOR)));
  }

  @Option({ flags: '--org <id>', required: true })
  parseOrg(value: string) {
    return value;
  }

  @Option({ flags: '--chain <chain>', required: true })
  parseChain(value: string) {
    return value;
  }

  @Option({ flags: '--address <address>', required: true, description: '0x + 40 hex (EIP-55 checked)' })
  parseAddress(value: string) {
    return value;
  }
}

@Command({ name: 'allowlist', description: 'Destination allowlists', subCommands: [AllowlistAddCommand] })
export class AllowlistCommand extends CommandRunner {
  async run(): Promise<void> {
    throw new InvalidRequestError('Missing subcommand: allowlist add.');
  }
}
