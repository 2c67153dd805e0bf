import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const KYC_STATUSES = ['verified', 'pending', 'unverified', 'rejected'] as const;
export type KycStatus = (typeof KYC_STATUSES)[number];

/** `sandbox` organizations settle on the simulated network and get `nxt_test_` keys. */
export const ORGANIZATION_ENVIRONMENTS = ['sandbox', 'live'] as const;
export type OrganizationEnvironment = (typeof ORGANIZATION_ENVIRONMENTS)[number];

/** A tenant. Every other row belongs to exactly one organization. */
@Entity('organizations')
export class Organization {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  environment!: OrganizationEnvironment;

  @Column({ type: 'varchar', length: 16 })
  kycStatus!: KycStatus;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
