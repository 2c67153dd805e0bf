import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An organization's risk policy (API.md §6). One row per organization, created with defaults. */
@Entity('organization_policies')
export class OrganizationPolicy {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  organizationId!: string;

  /** A request whose USD value reaches this is high risk. */
  @Column({ type: 'numeric', precision: 78, scale: 18, default: '10000' })
  highRiskThresholdUsd!: string;

  /** Today's outflow beyond this makes a request high risk; null: no limit. */
  @Column({ type: 'numeric', precision: 78, scale: 18, nullable: true })
  dailyOutflowLimitUsd!: string | null;

  /** Distinct supervisor approvals that execute a high-risk request. */
  @Column({ type: 'integer', default: 1 })
  approvalsRequired!: number;

  /** When on, a destination outside the address allowlist makes a request high risk. */
  @Column({ type: 'boolean', default: false })
  allowlistEnabled!: boolean;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
