import { KycStatus } from './organizations/organization.entity';

/** Every scope a credential can carry (API.md §1). */
export const SCOPES = [
  'treasury:read',
  'wallets:write',
  'transfers:write',
  'swaps:write',
  'bridges:write',
  'bulk:write',
  'agent_batches:write',
  'reports:write',
  'approvals:write',
] as const;
export type Scope = (typeof SCOPES)[number];

/** Every scope but `approvals:write`: what an operator that initiates everything carries. */
export const INITIATING_SCOPES: Scope[] = SCOPES.filter((scope) => scope !== 'approvals:write');

/** `operator` initiates, `supervisor` approves, `viewer` reads (API.md §9). */
export const ROLES = ['operator', 'supervisor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated caller of a request, whichever way it authenticated. */
export interface Principal {
  id: string;
  type: 'api_key' | 'oauth_client';
  name: string;
  organization: { id: string; name: string; kycStatus: KycStatus };
  scopes: Scope[];
  roles: Role[];
  supervisorApproved: boolean;
  tokenBinding: 'dpop' | 'mtls' | null;
}
