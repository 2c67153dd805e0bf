/** RFC 6749 §4.4.2 client credentials request, form-encoded (documentation; the token service checks it, so errors follow RFC 6749 §5.2). */
export class TokenRequestDto {
  /** `client_credentials` */
  grant_type?: string;
  /** Space-separated; default: every scope the client has. */
  scope?: string;
  /** Required with mTLS client authentication. */
  client_id?: string;
  /** `urn:ietf:params:oauth:client-assertion-type:jwt-bearer` */
  client_assertion_type?: string;
  /** RFC 7523 JWT: iss = sub = client_id, aud = the issuer, short exp, unique jti; PS256, ES256 or EdDSA. */
  client_assertion?: string;
}

export class TokenResponseDto {
  access_token!: string;
  /** `DPoP` with a DPoP proof, `Bearer` (certificate-bound) with mTLS. */
  token_type!: 'DPoP' | 'Bearer';
  expires_in!: number;
  scope!: string;
}
