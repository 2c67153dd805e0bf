import { ApiKey } from './api-keys/api-key.entity';
import { Organization } from './organizations/organization.entity';

/** The operator-facing shapes of an organization and an API key (never the secret or its hash). */
export function organizationView(organization: Organization) {
  return {
    object: 'organization' as const,
    id: organization.id,
    name: organization.name,
    environment: organization.environment,
    kyc_status: organization.kycStatus,
    created_at: organization.createdAt.toISOString(),
    updated_at: organization.updatedAt.toISOString(),
  };
}

export function apiKeyView(key: ApiKey) {
  return {
    object: 'api_key' as const,
    id: key.id,
    organization_id: key.organizationId,
    name: key.name,
    secret_hint: key.secretHint,
    scopes: key.scopes,
    roles: key.roles,
    supervisor_approved: key.supervisorApproved,
    approved_by: key.approvedBy,
    approved_at: key.approvedAt?.toISOString() ?? null,
    expires_at: key.expiresAt?.toISOString() ?? null,
    revoked_at: key.revokedAt?.toISOString() ?? null,
    created_at: key.createdAt.toISOString(),
  };
}
