import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ListPage, ListQueryDto, newId, NotFoundError, paginate } from '@app/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { In } from 'typeorm';
import { TransactionView, transactionView } from '../views';
import { Transaction, TransactionStatus } from './transaction.entity';

export interface TransactionFilters {
  wallet_id?: string;
  currency?: string;
  type?: string;
  from?: Date;
  to?: Date;
}

export type NewTransaction = Omit<Transaction, 'id' | 'createdAt' | 'updatedAt' | 'status' | 'entryId'>;

/** The customer-facing movements of the ledger (API.md §7 transactions). */
@Injectable()
export class TransactionsService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private get transactions() {
    return this.txHost.tx.getRepository(Transaction);
  }

  /** Records movements in `processing`, as a request's legs are submitted to the network. */
  async open(rows: NewTransaction[]): Promise<Transaction[]> {
    const created = rows.map((row) => this.transactions.create({ ...row, id: newId('txn'), status: 'processing', entryId: null }));
    await this.transactions.insert(created);
    return created;
  }

  /** Marks every movement of a request settled (with the entry that booked it) or failed. */
  async close(requestId: string, status: Exclude<TransactionStatus, 'processing'>, entryId: string | null): Promise<void> {
    await this.transactions.update({ requestId, status: 'processing' }, { status, entryId });
  }

  async get(organizationId: string, id: string): Promise<Transaction> {
    const transaction = await this.transactions.findOneBy({ id, organizationId });
    if (!transaction) throw new NotFoundError(`Transaction ${id} does not exist.`);
    return transaction;
  }

  async list(organizationId: string, query: ListQueryDto & TransactionFilters): Promise<ListPage<TransactionView>> {
    const builder = this.transactions.createQueryBuilder('txn').where('txn.organization_id = :organizationId', { organizationId });
    if (query.wallet_id) builder.andWhere('txn.wallet_id = :walletId', { walletId: query.wallet_id });
    if (query.currency) builder.andWhere('txn.currency = :currency', { currency: query.currency });
    if (query.type) builder.andWhere('txn.type = :type', { type: query.type });
    if (query.from) builder.andWhere('txn.created_at >= :from', { from: query.from });
    if (query.to) builder.andWhere('txn.created_at < :to', { to: query.to });
    return paginate(builder, query, transactionView);
  }

  /** The ids of each request's movements, for many requests in one query. */
  async idsByRequest(requestIds: string[]): Promise<Map<string, string[]>> {
    const byRequest = new Map<string, string[]>(requestIds.map((id) => [id, []]));
    if (requestIds.length === 0) return byRequest;
    const rows = await this.transactions.find({
      where: { requestId: In(requestIds) },
      select: { id: true, requestId: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    for (const row of rows) byRequest.get(row.requestId!)?.push(row.id);
    return byRequest;
  }
}

/** A transaction hash for movements that never touch a network (simulated deposits). */
export function simulatedTxHash(): string {
  return `0x${randomBytes(32).toString('hex')}`;
}
