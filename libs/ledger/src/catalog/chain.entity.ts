import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A network wallets live on (configuration, seeded by a migration). */
@Entity('chains')
export class Chain {
  /** e.g. `ethereum`, `base`. */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  /** EIP-155 chain id. */
  @Column({ type: 'integer' })
  chainId!: number;
}
