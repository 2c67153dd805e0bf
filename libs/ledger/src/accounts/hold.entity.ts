import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type HoldStatus = 'active' | 'released' | 'captured';

/**
 * Funds reserved on a wallet account for a request that has been accepted but not yet settled.
 * Released (rejection, cancellation, expiry, failure) or captured (settled) exactly once.
 */
@Entity('ledger_holds')
export class Hold {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 40 })
  organizationId!: string;

  @Index()
  @Column({ type: 'varchar', length: 40 })
  accountId!: string;

  @Column({ type: 'numeric', precision: 78, scale: 18 })
  amount!: string;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: HoldStatus;

  /** The request the funds are held for. */
  @Index()
  @Column({ type: 'varchar', length: 40 })
  reference!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  endedAt!: Date | null;
}
