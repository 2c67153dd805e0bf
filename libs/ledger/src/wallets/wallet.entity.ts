import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A custody wallet of an organization on one chain. */
@Entity('wallets')
@Index(['organizationId', 'createdAt', 'id'])
@Index('wallets_one_default_per_organization', ['organizationId'], { unique: true, where: 'is_default' })
export class Wallet {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  organizationId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  chain!: string;

  /** EIP-55 checksummed. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 42 })
  address!: string;

  /** The organization's default source wallet (exactly one per organization once it has any). */
  @Column({ type: 'boolean', default: false })
  isDefault!: boolean;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
