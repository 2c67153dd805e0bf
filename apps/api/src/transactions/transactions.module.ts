import { Module } from '@nestjs/common';
import { LedgerModule } from '@app/ledger';
import { TransactionsController } from './transactions.controller';

@Module({ imports: [LedgerModule], controllers: [TransactionsController] })
export class TransactionsModule {}
