import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The outcome of a POST made with an Idempotency-Key, kept so that a retry gets the same answer and
 * nothing executes twice (API.md §5). Written in the same transaction as the effects it describes.
 */
@Entity('idempotency_records')
export class IdempotencyRecord {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  organizationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  key!: string;

  /** SHA-256 (hex) of the method, the path and the SHA-256 of the raw body. */
  @Column({ type: 'varchar', length: 64 })
  fingerprint!: string;

  @Column({ type: 'integer' })
  responseStatus!: number;

  @Column({ type: 'jsonb' })
  responseBody!: object | null;

  @Column({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Index()
  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt!: Date;
}
