import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A single-use JWT id seen (client assertions, DPoP proofs): the replay store shared by every replica. */
@Entity('used_jtis')
export class UsedJti {
  /** `client_assertion` or `dpop`. */
  @PrimaryColumn({ type: 'varchar', length: 20 })
  kind!: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  jti!: string;

  @Index()
  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt!: Date;
}
