import { Injectable } from '@nestjs/common';
import { BusinessRuleError, formatAmount, ListPage, ListQueryDto, Money, newId, NotFoundError, paginate } from '@app/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@app/audit';
import { CatalogService } from '../catalog/catalog.service';
import { Transaction } from '../transactions/transaction.entity';
import { simulatedTxHash } from '../transactions/transactions.service';
import { BalanceView, balanceView } from '../views';
import { Wallet } from '../wallets/wallet.entity';
import { WalletsService } from '../wallets/wallets.service';
import { Hold } from './hold.entity';
import { LedgerAccount } from './ledger-account.entity';
import { LedgerEntry } from './ledger-entry.entity';
import { LedgerPosting } from './ledger-posting.entity';

export interface PostingLeg {
  account: LedgerAccount;
  /** Signed: positive credits the account, negative debits it. */
  amount: Money;
}

/**
 * The double-entry ledger. Every balance change is a balanced entry of postings; wallet accounts
 * carry their running `balance` and `held`, updated under a row lock in the same transaction.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly catalog: CatalogService,
    private readonly wallets: WalletsService,
    private readonly audit: AuditService,
  ) {}

  private get accounts() {
    return this.txHost.tx.getRepository(LedgerAccount);
  }

  /** The wallet's account in `currency`, created on first use and locked until the transaction ends. */
  async lockWalletAccount(wallet: Wallet, currency: string): Promise<LedgerAccount> {
    await this.accounts
      .createQueryBuilder()
      .insert()
      .values({
        id: newId('acc'),
        kind: 'wallet',
        organizationId: wallet.organizationId,
        walletId: wallet.id,
        chain: wallet.chain,
        currency,
      })
      .orIgnore()
      .execute();
    return this.accounts
      .createQueryBuilder('account')
      .setLock('pessimistic_write')
      .where("account.kind = 'wallet' AND account.wallet_id = :walletId AND account.currency = :currency", {
        walletId: wallet.id,
        currency,
      })
      .getOneOrFail();
  }

  /** The outside world on `chain` in `currency`: the other side of deposits and withdrawals. Never locked. */
  async externalAccount(chain: string, currency: string): Promise<LedgerAccount> {
    await this.accounts
      .createQueryBuilder()
      .insert()
      .values({ id: newId('acc'), kind: 'external', chain, currency })
      .orIgnore()
      .execute();
    return this.accounts.findOneByOrFail({ kind: 'external', chain, currency });
  }

  /**
   * Books a balanced entry. The caller holds the row locks of the wallet accounts involved; the
   * CHECK constraint on ledger_accounts refuses any posting that would overdraw.
   */
  async post(organizationId: string, type: string, legs: PostingLeg[]): Promise<LedgerEntry> {
    const sums = new Map<string, Money>();
    for (const leg of legs) sums.set(leg.account.currency, (sums.get(leg.account.currency) ?? new Money(0)).plus(leg.amount));
    if ([...sums.values()].some((sum) => !sum.isZero())) throw new Error('Unbalanced ledger entry');

    const entry = this.txHost.tx.getRepository(LedgerEntry).create({ id: newId('ent'), organizationId, type });
    await this.txHost.tx.getRepository(LedgerEntry).insert(entry);
    await this.txHost.tx
      .getRepository(LedgerPosting)
      .insert(legs.map((leg) => ({ entryId: entry.id, accountId: leg.account.id, amount: leg.amount.toFixed() })));
    for (const leg of legs.filter((l) => l.account.kind === 'wallet')) {
      await this.accounts
        .createQueryBuilder()
        .update()
        .set({ balance: () => 'balance + :delta' })
        .setParameter('delta', leg.amount.toFixed())
        .where('id = :id', { id: leg.account.id })
        .execute();
    }
    return entry;
  }

  /**
   * A deposit from outside into a wallet, booked at once. On the simulated network this is how a
   * sandbox wallet is funded (the CLI's `wallet fund`).
   */
  @Transactional()
  async deposit(organizationId: string, walletId: string, currency: string, amount: string, actor: string): Promise<Transaction> {
    const wallet = await this.wallets.get(organizationId, walletId);
    const asset = this.catalog.asset(currency);
    const value = new Money(this.catalog.checkAmount(asset, amount));
    const account = await this.lockWalletAccount(wallet, asset.code);
    const external = await this.externalAccount(wallet.chain, asset.code);
    const entry = await this.post(organizationId, 'deposit', [
      { account: external, amount: value.negated() },
      { account, amount: value },
    ]);
    const transactions = this.txHost.tx.getRepository(Transaction);
    const transaction = transactions.create({
      id: newId('txn'),
      organizationId,
      walletId: wallet.id,
      type: 'deposit',
      currency: asset.code,
      chain: wallet.chain,
      amount: value.toFixed(),
      direction: 'credit',
      status: 'completed',
      txHash: simulatedTxHash(),
      counterparty: null,
      requestId: null,
      entryId: entry.id,
    });
    await transactions.insert(transaction);
    await this.audit.append(organizationId, actor, 'wallet.deposit', wallet.id, {
      transaction_id: transaction.id,
      currency: asset.code,
      amount: value.toFixed(),
    });
    return transactions.findOneByOrFail({ id: transaction.id });
  }

  /**
   * Reserves `amount` of the wallet's `currency` for `reference`, or refuses with 422
   * `insufficient_funds` when less than that is available. Pending requests can never overdraw.
   */
  @Transactional()
  async placeHold(wallet: Wallet, currency: string, amount: string, reference: string): Promise<Hold> {
    const account = await this.lockWalletAccount(wallet, currency);
    const available = new Money(account.balance).minus(account.held);
    if (available.lt(amount)) {
      throw new BusinessRuleError(
        'insufficient_funds',
        `Wallet ${wallet.id} has ${formatAmount(available)} ${currency} available; ${formatAmount(amount)} is needed.`,
      );
    }
    const holds = this.txHost.tx.getRepository(Hold);
    const hold = holds.create({
      id: newId('hld'),
      organizationId: wallet.organizationId,
      accountId: account.id,
      amount,
      status: 'active',
      reference,
      endedAt: null,
    });
    await holds.insert(hold);
    await this.adjustHeld(account.id, new Money(amount));
    return holds.findOneByOrFail({ id: hold.id });
  }

  /** Gives held funds back to the available balance. Releasing an ended hold changes nothing. */
  @Transactional()
  async releaseHold(holdId: string): Promise<Hold> {
    const holds = this.txHost.tx.getRepository(Hold);
    const hold = await holds.createQueryBuilder('hold').setLock('pessimistic_write').where('hold.id = :holdId', { holdId }).getOne();
    if (!hold) throw new NotFoundError(`Hold ${holdId} does not exist.`);
    if (hold.status !== 'active') return hold;
    await this.accounts
      .createQueryBuilder('account')
      .setLock('pessimistic_write')
      .where('account.id = :id', { id: hold.accountId })
      .getOneOrFail();
    await holds.update({ id: hold.id }, { status: 'released', endedAt: new Date() });
    await this.adjustHeld(hold.accountId, new Money(hold.amount).negated());
    return holds.findOneByOrFail({ id: hold.id });
  }

  /**
   * Settles a hold: the held funds leave the wallet account for `counterparty` (the outside world's
   * account, or another wallet's) in one balanced entry. Returns the entry; a hold that is no longer
   * active is refused, so funds are never taken twice.
   */
  @Transactional()
  async captureHold(holdId: string, counterparty: LedgerAccount, entryType: string): Promise<LedgerEntry> {
    const holds = this.txHost.tx.getRepository(Hold);
    const hold = await holds.createQueryBuilder('hold').setLock('pessimistic_write').where('hold.id = :holdId', { holdId }).getOne();
    if (!hold || hold.status !== 'active') throw new Error(`Hold ${holdId} is not active`);
    const account = await this.accounts
      .createQueryBuilder('account')
      .setLock('pessimistic_write')
      .where('account.id = :id', { id: hold.accountId })
      .getOneOrFail();
    await holds.update({ id: hold.id }, { status: 'captured', endedAt: new Date() });
    await this.adjustHeld(account.id, new Money(hold.amount).negated());
    const amount = new Money(hold.amount);
    return this.post(hold.organizationId, entryType, [
      { account, amount: amount.negated() },
      { account: counterparty, amount },
    ]);
  }

  private async adjustHeld(accountId: string, delta: Money): Promise<void> {
    await this.accounts
      .createQueryBuilder()
      .update()
      .set({ held: () => 'held + :delta' })
      .setParameter('delta', delta.toFixed())
      .where('id = :accountId', { accountId })
      .execute();
  }

  /** The wallet's balance in every currency it has held. */
  async walletBalances(organizationId: string, walletId: string): Promise<BalanceView[]> {
    const wallet = await this.wallets.get(organizationId, walletId);
    const accounts = await this.accounts.find({ where: { kind: 'wallet', walletId: wallet.id }, order: { currency: 'ASC' } });
    return accounts.map(balanceView);
  }

  /** Balances across all the organization's wallets, one row per wallet and currency. */
  async balances(organizationId: string, query: ListQueryDto & { currency?: string; chain?: string }): Promise<ListPage<BalanceView>> {
    const builder = this.accounts
      .createQueryBuilder('account')
      .where("account.kind = 'wallet' AND account.organization_id = :organizationId", { organizationId });
    if (query.currency) builder.andWhere('account.currency = :currency', { currency: query.currency });
    if (query.chain) builder.andWhere('account.chain = :chain', { chain: query.chain });
    return paginate(builder, query, balanceView);
  }
}
