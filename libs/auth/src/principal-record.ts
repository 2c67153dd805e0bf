import { Column, CreateDateColumn, Index } from 'typeorm';
import { Organization } from './organizations/organization.entity';
import { Principal, Role, Scope } from './principal';

/** The columns every kind of principal (API key, OAuth client) has: its tenant, grants and approval. */
export abstract class PrincipalRecord {
  abstract id: string;

  @Index()
  @Column({ type: 'varchar', length: 40 })
  organizationId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', array: true })
  scopes!: string[];

  @Column({ type: 'text', array: true })
  roles!: string[];

  /** Whether a supervisor approved it; unapproved principals may only read (API.md §4). */
  @Column({ type: 'boolean', default: false })
  supervisorApproved!: boolean;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

/** The request's caller, built the same way whichever credential it presented. */
export function toPrincipal(
  record: PrincipalRecord,
  organization: Organization,
  type: Principal['type'],
  options: { scopes?: string[]; tokenBinding?: Principal['tokenBinding'] } = {},
): Principal {
  return {
    id: record.id,
    type,
    name: record.name,
    organization: { id: organization.id, name: organization.name, kycStatus: organization.kycStatus },
    scopes: (options.scopes ?? record.scopes) as Scope[],
    roles: record.roles as Role[],
    supervisorApproved: record.supervisorApproved,
    tokenBinding: options.tokenBinding ?? null,
  };
}
