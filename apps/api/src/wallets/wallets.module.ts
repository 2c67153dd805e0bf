import { Module } from '@nestjs/common';
import { LedgerModule } from '@app/ledger';
import { WalletsController } from './wallets.controller';

@Module({ imports: [LedgerModule], controllers: [WalletsController] })
export class WalletsModule {}
