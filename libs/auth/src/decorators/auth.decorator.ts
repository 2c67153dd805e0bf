import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ErrorEnvelopeDto } from '@app/common';
import { ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Scope } from '../principal';

export const AUTH_REQUIREMENT = 'nxt:auth-requirement';
export const MOVES_MONEY = 'nxt:moves-money';
export const KYC_EXEMPT = 'nxt:kyc-exempt';

export interface AuthRequirement {
  /** Scopes the credential must all carry. */
  scopes: Scope[];
}

/** Names of the two security schemes in the OpenAPI document. */
export const API_KEY_SCHEME = 'api_key';
export const OAUTH_SCHEME = 'oauth2';

/**
 * The route needs a valid credential carrying every scope listed (none: any valid credential).
 * Applies the access metadata and its OpenAPI description together. Writes (anything but GET)
 * additionally need a supervisor-approved credential.
 */
export function Auth(...scopes: Scope[]) {
  return applyDecorators(
    SetMetadata(AUTH_REQUIREMENT, { scopes } satisfies AuthRequirement),
    ApiSecurity(API_KEY_SCHEME),
    ApiSecurity(OAUTH_SCHEME, scopes),
    ApiUnauthorizedResponse({ type: ErrorEnvelopeDto, description: '`invalid_token`: missing, unknown, expired or revoked credential.' }),
    ApiForbiddenResponse({
      type: ErrorEnvelopeDto,
      description: `\`insufficient_scope\`: the credential lacks ${scopes.length ? scopes.map((s) => `\`${s}\``).join(', ') : 'access'}, or is not supervisor-approved for a write; \`kyc_required\`.`,
    }),
  );
}

/**
 * The route moves money: under KYC_ENFORCEMENT=money_movement (the default) an organization that is
 * not KYC-verified gets 403 `kyc_required` (API.md §8).
 */
export function MovesMoney() {
  return applyDecorators(
    SetMetadata(MOVES_MONEY, true),
    ApiForbiddenResponse({
      type: ErrorEnvelopeDto,
      description: '`insufficient_scope`; `kyc_required`: the organization is not KYC-verified.',
    }),
  );
}

/** The route stays open to organizations without KYC even under KYC_ENFORCEMENT=strict (`/me`, the token endpoint). */
export const KycExempt = () => SetMetadata(KYC_EXEMPT, true);
