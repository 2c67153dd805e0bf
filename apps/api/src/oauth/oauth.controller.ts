import { Body, Controller, Get, Header, HttpCode, Post, Req } from '@nestjs/common';
import { Public, SCOPES, ServerKeysService, TokenService } from '@app/auth';
import { ErrorEnvelopeDto } from '@app/common';
import { SkipIdempotency } from '@app/idempotency';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiExcludeEndpoint,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Request } from 'express';
import { Consumes } from '../http/consumes.interceptor';
import { TokenRequestDto, TokenResponseDto } from './token-request.dto';

@ApiTags('oauth')
@Controller()
export class OAuthController {
  constructor(
    private readonly tokens: TokenService,
    private readonly serverKeys: ServerKeysService,
  ) {}

  /**
   * OAuth 2.0 client credentials, FAPI 2.0 aligned: authenticate with private_key_jwt or mTLS, and
   * send a `DPoP` proof (or use mTLS) for a sender-constrained token. No Idempotency-Key: issuing a
   * token moves no money (API.md §4).
   */
  @Post('api/v1/oauth/token')
  @Public()
  @SkipIdempotency()
  @Consumes('application/x-www-form-urlencoded')
  @ApiConsumes('application/x-www-form-urlencoded')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiBadRequestResponse({
    type: ErrorEnvelopeDto,
    description:
      'RFC 6749 §5.2: `invalid_request`, `unsupported_grant_type`, `invalid_scope`, `invalid_dpop_proof`, with `error_description`.',
  })
  @ApiUnauthorizedResponse({ type: ErrorEnvelopeDto, description: '`invalid_client`.' })
  @ApiBody({ type: TokenRequestDto })
  // A plain record, not the DTO: RFC 6749 §3.2 says unknown parameters are ignored, not refused.
  token(@Req() request: Request, @Body() body: Record<string, string | undefined>): Promise<TokenResponseDto> {
    return this.tokens.token(request, body);
  }

  /** RFC 8414 authorization server metadata (at the root, not under /api/v1). */
  @Get('.well-known/oauth-authorization-server')
  @Public()
  @ApiExcludeEndpoint()
  metadata() {
    const issuer = this.tokens.issuer;
    return {
      issuer,
      token_endpoint: `${issuer}/api/v1/oauth/token`,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      grant_types_supported: ['client_credentials'],
      response_types_supported: [],
      scopes_supported: SCOPES,
      token_endpoint_auth_methods_supported: ['private_key_jwt', 'tls_client_auth', 'self_signed_tls_client_auth'],
      token_endpoint_auth_signing_alg_values_supported: ['PS256', 'ES256', 'EdDSA'],
      dpop_signing_alg_values_supported: ['PS256', 'ES256', 'EdDSA'],
      tls_client_certificate_bound_access_tokens: true,
      authorization_response_iss_parameter_supported: true,
    };
  }

  /** The public keys that verify access tokens (RFC 8414 `jwks_uri`). */
  @Get('.well-known/jwks.json')
  @Public()
  @ApiExcludeEndpoint()
  async jwks() {
    return { keys: await this.serverKeys.published() };
  }
}
