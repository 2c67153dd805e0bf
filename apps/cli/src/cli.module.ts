import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { AppConfig, AppConfigModule } from '@app/common';
import { DatabaseModule } from '@app/database';
import { LedgerModule } from '@app/ledger';
import { PolicyModule } from '@app/policy';
import { SignaturesModule } from '@app/signatures';
import { AllowlistAddCommand, AllowlistCommand } from './commands/allowlist.command';
import { ClientCommand, ClientCreateCommand, ServerKeyCommand, ServerKeyRotateCommand } from './commands/client.command';
import { KeyApproveCommand, KeyCommand, KeyCreateCommand, KeyRevokeCommand } from './commands/key.command';
import { SigningKeyAddCommand, SigningKeyCommand } from './commands/signing-key.command';
import { OrgCommand, OrgCreateCommand, OrgKycCommand, OrgPolicyCommand } from './commands/org.command';
import { WalletCommand, WalletCreateCommand, WalletFundCommand } from './commands/wallet.command';

/** The operator CLI: the same libraries and DI graph as the service, driven by commands. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [AppConfigModule.forRoot(config), DatabaseModule, AuthModule, PolicyModule, LedgerModule, SignaturesModule],
      providers: [
        OrgCommand,
        OrgCreateCommand,
        OrgKycCommand,
        OrgPolicyCommand,
        KeyCommand,
        KeyCreateCommand,
        KeyApproveCommand,
        KeyRevokeCommand,
        WalletCommand,
        WalletCreateCommand,
        WalletFundCommand,
        AllowlistCommand,
        AllowlistAddCommand,
        SigningKeyCommand,
        SigningKeyAddCommand,
        ClientCommand,
        ClientCreateCommand,
        ServerKeyCommand,
        ServerKeyRotateCommand,
      ],
    };
  }
}
