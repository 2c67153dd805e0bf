import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InvalidRequestError, InvalidTokenError } from '@app/common';
import { AuthGuard } from '@nestjs/passport';
import { Request } from 'express';
import { IS_PUBLIC } from '../decorators/public.decorator';
import { AccessTokenAuthenticator } from '../oauth/access-token.authenticator';
import { Principal } from '../principal';
import { API_KEY_STRATEGY } from '../strategies/api-key.strategy';

/**
 * Global and deny-by-default: every route needs a valid credential unless marked `@Public()`.
 * Credentials are read from the `Authorization` header only (RFC 6750 §2.1); one offered in the
 * query string or a form body is refused outright rather than silently ignored.
 */
@Injectable()
export class AuthenticationGuard extends AuthGuard([API_KEY_STRATEGY]) {
  constructor(
    private readonly reflector: Reflector,
    private readonly accessTokens: AccessTokenAuthenticator,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const body = request.body as unknown;
    const inBody = typeof body === 'object' && body !== null && !Buffer.isBuffer(body) && 'access_token' in body;
    if ((request.query && 'access_token' in request.query) || inBody) {
      throw new InvalidRequestError('Access credentials are accepted only in the Authorization header.', [
        { field: 'access_token', message: 'send it as Authorization: Bearer <credential>' },
      ]);
    }
    const authorization = request.headers.authorization;
    if (!authorization) throw new InvalidTokenError('An Authorization header is required.', 'Bearer, DPoP algs="ES256 PS256 EdDSA"');
    // OAuth access tokens (our own DPoP-aware strategy); API keys (nxt_…) go through passport-http-bearer.
    const [scheme, credential = ''] = authorization.split(' ', 2);
    const lower = scheme.toLowerCase();
    if (lower === 'dpop' || (lower === 'bearer' && credential.split('.').length === 3)) {
      request.user = await this.accessTokens.authenticate(request, lower === 'dpop' ? 'dpop' : 'bearer', credential.trim());
      return true;
    }
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T = Principal>(error: unknown, principal: T | false): T {
    if (error) throw error;
    if (!principal) throw new InvalidTokenError();
    return principal;
  }
}
