import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const TRANSFER_STATUSES = ['pending_approval', 'processing', 'completed', 'failed', 'rejected', 'cancelled', 'expired'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/** A request to move one currency from one wallet to an address (API.md §7 transfer_requests). */
@Entity('transfer_requests')
@Index(['organizationId', 'createdAt', 'id'])
@Index('transfer_requests_external_reference', ['organizationId', 'externalReference'], {
  unique: true,
  where: 'external_reference IS NOT NULL',
})
@Index('transfer_requests_due', ['nextAttemptAt'], { where: "status = 'processing'" })
@Index('transfer_requests_expiring', ['expiresAt'], { where: "status = 'pending_approval'" })
export class TransferRequest {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  organizationId!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: TransferStatus;

  @Column({ type: 'varchar', length: 40 })
  sourceWalletId!: string;

  @Column({ type: 'varchar', length: 32 })
  chain!: string;

  @Column({ type: 'varchar', length: 16 })
  currency!: string;

  @Column({ type: 'numeric', precision: 78, scale: 18 })
  amount!: string;

  /** EIP-55 checksummed. */
  @Column({ type: 'varchar', length: 42 })
  destinationAddress!: string;

  /** Set when the destination is one of the organization's own wallets. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  destinationWalletId!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** The client's own reference: unique in the organization for ever. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  externalReference!: string | null;

  /** USD value when accepted, from the price source. */
  @Column({ type: 'numeric', precision: 78, scale: 18 })
  usdValue!: string;

  @Column({ type: 'varchar', length: 8 })
  riskLevel!: 'low' | 'high';

  @Column({ type: 'text', array: true })
  riskReasons!: string[];

  @Column({ type: 'integer' })
  approvalsRequired!: number;

  /** `sha-256=:<base64>:` of the RFC 8785 canonical JSON of the immutable terms. */
  @Column({ type: 'varchar', length: 100 })
  requestDigest!: string;

  @Column({ type: 'varchar', length: 40 })
  holdId!: string;

  @Column({ type: 'varchar', length: 66, nullable: true })
  txHash!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  submittedAt!: Date | null;

  /** When the worker should take the next settlement step (status `processing` only). */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  failureReason!: string | null;

  /** The principal that initiated it. */
  @Column({ type: 'varchar', length: 40 })
  createdBy!: string;

  /** When a pending approval lapses (status `pending_approval` only). */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  completedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
