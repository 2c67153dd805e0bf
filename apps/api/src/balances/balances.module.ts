import { Module } from '@nestjs/common';
import { LedgerModule } from '@app/ledger';
import { BalancesController } from './balances.controller';

@Module({ imports: [LedgerModule], controllers: [BalancesController] })
export class BalancesModule {}
