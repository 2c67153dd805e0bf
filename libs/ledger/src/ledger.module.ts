import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Hold } from './accounts/hold.entity';
import { LedgerAccount } from './accounts/ledger-account.entity';
import { LedgerEntry } from './accounts/ledger-entry.entity';
import { LedgerPosting } from './accounts/ledger-posting.entity';
import { LedgerService } from './accounts/ledger.service';
import { Asset } from './catalog/asset.entity';
import { CatalogService } from './catalog/catalog.service';
import { Chain } from './catalog/chain.entity';
import { Transaction } from './transactions/transaction.entity';
import { TransactionsService } from './transactions/transactions.service';
import { Wallet } from './wallets/wallet.entity';
import { WalletsService } from './wallets/wallets.service';

/** Wallets, the asset catalogue, and the double-entry ledger under balances and transactions. */
@Module({
  imports: [TypeOrmModule.forFeature([Asset, Chain, Wallet, LedgerAccount, LedgerEntry, LedgerPosting, Hold, Transaction]), AuditModule],
  providers: [CatalogService, WalletsService, LedgerService, TransactionsService],
  exports: [CatalogService, WalletsService, LedgerService, TransactionsService],
})
export class LedgerModule {}
