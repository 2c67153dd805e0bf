import { Injectable } from '@nestjs/common';
import { InvalidTokenError } from '@app/common';
import { Request } from 'express';
import { createLocalJWKSet, jwtVerify, JWTPayload } from 'jose';
import { Principal } from '../principal';
import { toPrincipal } from '../principal-record';
import { DpopProofError, verifyDpopProof } from './dpop';
import { certificateThumbprint, OAuthClientsService } from './oauth-clients.service';
import { InvalidDpopProofError } from './oauth-error';
import { ReplayStore } from './replay-store';
import { ServerKeysService } from './server-keys.service';
import { clientCertificate, TokenService } from './token.service';

interface AccessTokenClaims extends JWTPayload {
  scope?: string;
  cnf?: { jkt?: string; 'x5t#S256'?: string };
}

/**
 * The resource-server side of OAuth (API.md §4): an RFC 9068 access token in the Authorization
 * header, `DPoP` with a fresh proof for DPoP-bound tokens (RFC 9449 §7), `Bearer` with the same
 * client certificate for certificate-bound ones (RFC 8705 §3). A DPoP-bound token sent as `Bearer`
 * is refused.
 */
@Injectable()
export class AccessTokenAuthenticator {
  constructor(
    private readonly tokens: TokenService,
    private readonly serverKeys: ServerKeysService,
    private readonly clients: OAuthClientsService,
    private readonly replay: ReplayStore,
  ) {}

  async authenticate(request: Request, scheme: 'dpop' | 'bearer', token: string): Promise<Principal> {
    const challenge = scheme === 'dpop' ? 'DPoP algs="ES256 PS256 EdDSA"' : 'Bearer';
    let claims: AccessTokenClaims;
    try {
      const jwks = createLocalJWKSet({ keys: (await this.serverKeys.published()) as never[] });
      ({ payload: claims } = await jwtVerify<AccessTokenClaims>(token, jwks, {
        issuer: this.tokens.issuer,
        audience: this.tokens.issuer,
        typ: 'at+jwt',
        algorithms: ['ES256'],
      }));
    } catch {
      throw new InvalidTokenError('The access token is invalid or expired.', challenge);
    }

    let binding: 'dpop' | 'mtls';
    if (claims.cnf?.jkt) {
      if (scheme !== 'dpop')
        throw new InvalidTokenError('This token is DPoP-bound: send it as "Authorization: DPoP" with a DPoP proof.', challenge);
      let jkt: string;
      try {
        jkt = await verifyDpopProof(
          request.headers.dpop,
          { method: request.method, url: `${this.tokens.issuer}${request.path}`, accessToken: token },
          this.replay,
        );
      } catch (error) {
        if (error instanceof DpopProofError) throw new InvalidDpopProofError(error.message);
        throw error;
      }
      if (jkt !== claims.cnf.jkt) throw new InvalidDpopProofError('the proof is signed by another key than the one the token is bound to');
      binding = 'dpop';
    } else if (claims.cnf?.['x5t#S256']) {
      const certificate = clientCertificate(request);
      if (scheme !== 'bearer' || !certificate || certificateThumbprint(certificate.raw) !== claims.cnf['x5t#S256']) {
        throw new InvalidTokenError('This token is bound to a client certificate: present the same certificate.', challenge);
      }
      binding = 'mtls';
    } else {
      throw new InvalidTokenError('Only sender-constrained tokens are accepted.', challenge);
    }

    const client = await this.clients.active(String(claims.sub));
    if (!client) throw new InvalidTokenError('The client of this token is unknown or revoked.', challenge);
    // The token's scopes, narrowed further if the client has since lost some.
    const scopes = (claims.scope ?? '').split(' ').filter((scope) => client.scopes.includes(scope));
    return toPrincipal(client, client.organization, 'oauth_client', { scopes, tokenBinding: binding });
  }
}
