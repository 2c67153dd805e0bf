import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { PrincipalRecord } from '../principal-record';

/**
 * An API key: a principal of an organization. Only a keyed hash (HMAC-SHA-256) of its secret is
 * stored; the secret itself is shown once, at creation.
 */
@Entity('api_keys')
export class ApiKey extends PrincipalRecord {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'bytea', select: false })
  secretHash!: Buffer;

  /** The secret's prefix and last four characters, to recognise a key without revealing it. */
  @Column({ type: 'varchar', length: 40 })
  secretHint!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  approvedBy!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  approvedAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  expiresAt!: Date | null;
}
