import { formatAmount, Money } from '@app/common';
import { LedgerAccount } from './accounts/ledger-account.entity';
import { Transaction, TransactionStatus, TransactionType } from './transactions/transaction.entity';
import { Wallet } from './wallets/wallet.entity';

/** The wire shapes of the ledger's resources, built in one place for the API and the CLI. */
export interface WalletView {
  object: 'wallet';
  id: string;
  name: string;
  chain: string;
  address: string;
  is_default: boolean;
  created_at: string;
  updated_at: string;
}

export interface BalanceView {
  object: 'balance';
  wallet_id: string;
  chain: string;
  currency: string;
  available: string;
  held: string;
  total: string;
}

export interface TransactionView {
  object: 'transaction';
  id: string;
  type: TransactionType;
  wallet_id: string;
  currency: string;
  chain: string;
  amount: string;
  direction: 'credit' | 'debit';
  status: TransactionStatus;
  tx_hash: string | null;
  counterparty: string | null;
  request_id: string | null;
  created_at: string;
  updated_at: string;
}

export function walletView(wallet: Wallet): WalletView {
  return {
    object: 'wallet',
    id: wallet.id,
    name: wallet.name,
    chain: wallet.chain,
    address: wallet.address,
    is_default: wallet.isDefault,
    created_at: wallet.createdAt.toISOString(),
    updated_at: wallet.updatedAt.toISOString(),
  };
}

export function balanceView(account: LedgerAccount): BalanceView {
  const total = new Money(account.balance);
  return {
    object: 'balance',
    wallet_id: account.walletId!,
    chain: account.chain,
    currency: account.currency,
    available: formatAmount(total.minus(account.held)),
    held: formatAmount(account.held),
    total: formatAmount(total),
  };
}

export function transactionView(transaction: Transaction): TransactionView {
  return {
    object: 'transaction',
    id: transaction.id,
    type: transaction.type,
    wallet_id: transaction.walletId,
    currency: transaction.currency,
    chain: transaction.chain,
    amount: formatAmount(transaction.amount),
    direction: transaction.direction,
    status: transaction.status,
    tx_hash: transaction.txHash,
    counterparty: transaction.counterparty,
    request_id: transaction.requestId,
    created_at: transaction.createdAt.toISOString(),
    updated_at: transaction.updatedAt.toISOString(),
  };
}
