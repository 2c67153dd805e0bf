import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A supervisor's decision on a request, with the signature evidence of an approval. */
@Entity('approvals')
@Index(['requestId', 'principalId'], { unique: true })
export class Approval {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  organizationId!: string;

  /** `transfer_request`, … */
  @Column({ type: 'varchar', length: 32 })
  requestType!: string;

  @Column({ type: 'varchar', length: 40 })
  requestId!: string;

  @Column({ type: 'varchar', length: 40 })
  principalId!: string;

  @Column({ type: 'varchar', length: 16 })
  decision!: 'approved' | 'rejected';

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  /** The verified RFC 9421 signature, enough to re-verify it later (approvals only). */
  @Column({ type: 'jsonb', nullable: true })
  evidence!: object | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
