import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const TRANSACTION_TYPES = [
  'deposit',
  'transfer_out',
  'transfer_in',
  'swap_out',
  'swap_in',
  'bridge_out',
  'bridge_in',
  'fee',
] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];
export type TransactionStatus = 'processing' | 'completed' | 'failed';

/** A movement of one currency in or out of one wallet, as the customer sees it (API.md §7). */
@Entity('transactions')
@Index(['organizationId', 'createdAt', 'id'])
export class Transaction {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  organizationId!: string;

  @Index()
  @Column({ type: 'varchar', length: 40 })
  walletId!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: TransactionType;

  @Column({ type: 'varchar', length: 16 })
  currency!: string;

  @Column({ type: 'varchar', length: 32 })
  chain!: string;

  /** Always positive; `direction` says which way. */
  @Column({ type: 'numeric', precision: 78, scale: 18 })
  amount!: string;

  @Column({ type: 'varchar', length: 8 })
  direction!: 'credit' | 'debit';

  @Column({ type: 'varchar', length: 16 })
  status!: TransactionStatus;

  @Column({ type: 'varchar', length: 66, nullable: true })
  txHash!: string | null;

  /** The other side's address, when known. */
  @Column({ type: 'varchar', length: 42, nullable: true })
  counterparty!: string | null;

  /** The request that caused it (`tr_…`, `swp_…`, …); null for deposits. */
  @Index()
  @Column({ type: 'varchar', length: 40, nullable: true })
  requestId!: string | null;

  /** The journal entry that booked it, once it settled. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  entryId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
