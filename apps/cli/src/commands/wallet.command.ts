import { Injectable } from '@nestjs/common';
import { OrganizationsService } from '@app/auth';
import { BusinessRuleError, InvalidRequestError, OPERATOR_ACTOR } from '@app/common';
import { LedgerService, transactionView, walletView, WalletsService } from '@app/ledger';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { printJson } from '../output';

@Injectable()
@SubCommand({ name: 'create', description: 'Open a wallet for an organization' })
export class WalletCreateCommand extends CommandRunner {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly wallets: WalletsService,
  ) {
    super();
  }

  async run(_args: string[], options: { org: string; name: string; chain: string }): Promise<void> {
    await this.organizations.get(options.org);
    printJson(walletView(await this.wallets.create(options.org, { name: options.name, chain: options.chain }, OPERATOR_ACTOR)));
  }

  @Option({ flags: '--org <id>', required: true })
  parseOrg(value: string) {
    return value;
  }

  @Option({ flags: '--name <name>', required: true })
  parseName(value: string) {
    return value;
  }

  @Option({ flags: '--chain <chain>', required: true, description: 'ethereum | base | arbitrum | polygon | optimism' })
  parseChain(value: string) {
    return value;
  }
}

@Injectable()
@SubCommand({ name: 'fund', description: 'Sandbox deposit into a wallet on the simulated network; prints the transaction' })
export class WalletFundCommand extends CommandRunner {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly wallets: WalletsService,
    private readonly ledger: LedgerService,
  ) {
    super();
  }

  async run(_args: string[], options: { wallet: string; currency: string; amount: string }): Promise<void> {
    const organization = await this.organizations.get(await this.wallets.organizationOf(options.wallet));
    if (organization.environment !== 'sandbox') {
      throw new BusinessRuleError('policy_violation', 'Only sandbox wallets can be funded from the CLI; live funds arrive on chain.');
    }
    printJson(
      transactionView(await this.ledger.deposit(organization.id, options.wallet, options.currency, options.amount, OPERATOR_ACTOR)),
    );
  }

  @Option({ flags: '--wallet <id>', required: true })
  parseWallet(value: string) {
    return value;
  }

  @Option({ flags: '--currency <code>', required: true, description: 'USDC | USDT | EURC | PYUSD | ETH' })
  parseCurrency(value: string) {
    return value;
  }

  @Option({ flags: '--amount <decimal>', required: true, description: 'decimal string, e.g. 1000 or 0.5' })
  parseAmount(value: string) {
    return value;
  }
}

@Command({ name: 'wallet', description: 'Wallets', subCommands: [WalletCreateCommand, WalletFundCommand] })
export class WalletCommand extends CommandRunner {
  async run(): Promise<void> {
    throw new InvalidRequestError('Missing subcommand: wallet create | fund.');
  }
}
