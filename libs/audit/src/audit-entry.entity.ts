import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One state change, appended to its organization's hash chain: `hash` covers the entry's content and
 * the previous entry's hash, so altering, removing or reordering any entry breaks every hash after
 * it. The table also refuses UPDATE and DELETE (a trigger).
 */
@Entity('audit_log')
@Index(['organizationId', 'seq'])
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'varchar', length: 40 })
  organizationId!: string;

  /** The principal that caused it (`key_…`, `cli_…`), `operator` for the CLI, or `system`. */
  @Column({ type: 'varchar', length: 40 })
  actor!: string;

  /** e.g. `transfer_request.created`. */
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ type: 'varchar', length: 40 })
  resourceId!: string;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  /** Hash of the organization's previous entry; 64 zeros for its first. */
  @Column({ type: 'varchar', length: 64 })
  prevHash!: string;

  /** SHA-256 (hex) of `prevHash` and the RFC 8785 canonical JSON of this entry's content. */
  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}
