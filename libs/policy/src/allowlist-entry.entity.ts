import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A destination address the organization trusts on one chain. */
@Entity('allowlist_entries')
@Index(['organizationId', 'chain', 'address'], { unique: true })
export class AllowlistEntry {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  organizationId!: string;

  @Column({ type: 'varchar', length: 32 })
  chain!: string;

  /** EIP-55 checksummed. */
  @Column({ type: 'varchar', length: 42 })
  address!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
