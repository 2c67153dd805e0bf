import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A balanced journal entry: its postings sum to zero. Immutable. */
@Entity('ledger_entries')
export class LedgerEntry {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 40 })
  organizationId!: string;

  /** What happened, e.g. `deposit`, `transfer`. */
  @Column({ type: 'varchar', length: 32 })
  type!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
