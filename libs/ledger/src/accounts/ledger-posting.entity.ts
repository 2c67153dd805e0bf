import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One leg of a journal entry: a signed amount on one account. Immutable. */
@Entity('ledger_postings')
export class LedgerPosting {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 40 })
  entryId!: string;

  @Index()
  @Column({ type: 'varchar', length: 40 })
  accountId!: string;

  /** Positive: credit to the account; negative: debit. */
  @Column({ type: 'numeric', precision: 78, scale: 18 })
  amount!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
