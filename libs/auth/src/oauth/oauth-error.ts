import { ApiError } from '@app/common';

/** RFC 6749 §5.2 token-endpoint errors, inside the API's envelope (with `error_description`). */
export type OAuthErrorCode =
  'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type' | 'invalid_scope' | 'invalid_dpop_proof';

export class OAuthError extends ApiError {
  constructor(error: OAuthErrorCode, description: string) {
    const status = error === 'invalid_client' ? 401 : 400;
    super(status, error, description, {
      fields: { error_description: description },
      headers: {
        'Cache-Control': 'no-store',
        ...(status === 401 ? { 'WWW-Authenticate': `Bearer error="invalid_client"` } : {}),
        ...(error === 'invalid_dpop_proof' ? { 'WWW-Authenticate': `DPoP error="invalid_dpop_proof", algs="ES256 PS256 EdDSA"` } : {}),
      },
    });
  }
}

/** RFC 9449 §7.1: a resource request whose DPoP proof fails. */
export class InvalidDpopProofError extends ApiError {
  constructor(description: string) {
    super(401, 'invalid_dpop_proof', description, {
      headers: {
        'WWW-Authenticate': `DPoP error="invalid_dpop_proof", error_description="${description.replace(/"/g, "'")}", algs="ES256 PS256 EdDSA"`,
      },
    });
  }
}
