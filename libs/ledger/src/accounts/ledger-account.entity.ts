import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A double-entry account: one per wallet and currency (`wallet`), plus one per chain and currency
 * for the world outside the treasury (`external`), whose balance is the negative of everything that
 * came in. `balance` and `held` of wallet accounts are maintained in the same transaction as the
 * postings and holds they sum, under a row lock; the CHECK makes an overdraft impossible even for
 * a bug.
 */
@Entity('ledger_accounts')
@Index('ledger_accounts_wallet_currency', ['walletId', 'currency'], { unique: true, where: "kind = 'wallet'" })
@Index('ledger_accounts_external_chain_currency', ['chain', 'currency'], { unique: true, where: "kind = 'external'" })
@Index(['organizationId', 'createdAt', 'id'])
@Check('ledger_accounts_no_overdraft', "kind <> 'wallet' OR (held >= 0 AND balance >= held)")
export class LedgerAccount {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: 'wallet' | 'external';

  @Column({ type: 'varchar', length: 40, nullable: true })
  organizationId!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  walletId!: string | null;

  @Column({ type: 'varchar', length: 32 })
  chain!: string;

  @Column({ type: 'varchar', length: 16 })
  currency!: string;

  /** Sum of the account's postings (wallet accounts only). */
  @Column({ type: 'numeric', precision: 78, scale: 18, default: '0' })
  balance!: string;

  /** Sum of the account's active holds (wallet accounts only). */
  @Column({ type: 'numeric', precision: 78, scale: 18, default: '0' })
  held!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
