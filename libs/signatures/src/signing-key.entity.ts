import { JsonWebKey } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SignatureAlgorithm } from './algorithms';

/** A supervisor's public key for signing approvals (RFC 9421 `keyid` = its RFC 7638 thumbprint). */
@Entity('signing_keys')
export class SigningKey {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  keyid!: string;

  @Column({ type: 'varchar', length: 40 })
  organizationId!: string;

  /** The principal (`key_…`, `cli_…`) whose approvals this key signs. */
  @Index()
  @Column({ type: 'varchar', length: 40 })
  principalId!: string;

  @Column({ type: 'varchar', length: 32 })
  alg!: SignatureAlgorithm;

  @Column({ type: 'jsonb' })
  publicJwk!: JsonWebKey;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
