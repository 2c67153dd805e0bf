import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An API key: a principal of an organization. Only a keyed hash (HMAC-SHA-256) of its secret is
 * stored; the secret itself is shown once, at creation.
 */
@Entity('api_keys')
export class ApiKey {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 40 })
  organizationId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Index({ unique: true })
  @Column({ type: 'bytea', select: false })
  secretHash!: Buffer;

  /** The secret's prefix and last four characters, to recognise a key without revealing it. */
  @Column({ type: 'varchar', length: 40 })
  secretHint!: string;

  @Column({ type: 'text', array: true })
  scopes!: string[];

  @Column({ type: 'text', array: true })
  roles!: string[];

  @Column({ type: 'boolean', default: false })
  supervisorApproved!: boolean;

  @Column({ type: 'varchar', length: 40, nullable: true })
  approvedBy!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  approvedAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
