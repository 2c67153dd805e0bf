import { randomUUID, X509Certificate } from 'node:crypto';
import { TLSSocket } from 'node:tls';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/common';
import { Request } from 'express';
import { compactVerify, decodeProtectedHeader, importJWK, SignJWT } from 'jose';
import { DpopProofError, verifyDpopProof } from './dpop';
import { ACCEPTED_JWS_ALGS, keyForAlg } from './jwt-algorithms';
import { OAuthClient } from './oauth-client.entity';
import { certificateThumbprint, OAuthClientsService } from './oauth-clients.service';
import { OAuthError } from './oauth-error';
import { ReplayStore } from './replay-store';
import { ACCESS_TOKEN_TTL_SECONDS, ServerKeysService } from './server-keys.service';

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** FAPI 2.0 §5.3.2.1: iat/nbf up to 10 s ahead are fine, more than 60 s is refused. */
const FUTURE_TOLERANCE_SECONDS = 60;
/** A client assertion must expire soon: it is a one-time credential. */
const MAX_ASSERTION_LIFETIME_SECONDS = 300;

export interface TokenRequest {
  grant_type?: string;
  scope?: string;
  client_id?: string;
  client_assertion_type?: string;
  client_assertion?: string;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'DPoP' | 'Bearer';
  expires_in: number;
  scope: string;
}

/** The client certificate of a TLS connection (mTLS), if the client sent one. */
export function clientCertificate(request: Request): X509Certificate | null {
  const socket = request.socket as TLSSocket;
  if (typeof socket.getPeerX509Certificate !== 'function') return null;
  return socket.getPeerX509Certificate() ?? null;
}

/**
 * The authorization server's token endpoint (API.md §4; RFC 6749 client credentials; FAPI 2.0):
 * client authentication by private_key_jwt (RFC 7523) or mTLS (RFC 8705), and sender-constrained
 * RFC 9068 access tokens only, bound to a DPoP key (RFC 9449) or to the client certificate.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly config: AppConfig,
    private readonly clients: OAuthClientsService,
    private readonly serverKeys: ServerKeysService,
    private readonly replay: ReplayStore,
  ) {}

  get issuer(): string {
    return this.config.publicBaseUrl;
  }

  async token(request: Request, body: TokenRequest): Promise<TokenResponse> {
    if (body.grant_type !== 'client_credentials') {
      throw new OAuthError(
        body.grant_type ? 'unsupported_grant_type' : 'invalid_request',
        'Only grant_type=client_credentials is supported.',
      );
    }
    const certificate = clientCertificate(request);
    const client = await this.authenticateClient(body, certificate, request);
    const scopes = this.grantedScopes(client, body.scope);

    let cnf: Record<string, string>;
    let tokenType: 'DPoP' | 'Bearer';
    if (request.headers.dpop !== undefined) {
      try {
        cnf = { jkt: await verifyDpopProof(request.headers.dpop, { method: 'POST', url: `${this.issuer}${request.path}` }, this.replay) };
      } catch (error) {
        if (error instanceof DpopProofError) throw new OAuthError('invalid_dpop_proof', error.message);
        throw error;
      }
      tokenType = 'DPoP';
    } else if (certificate && client.authMethod !== 'private_key_jwt') {
      cnf = { 'x5t#S256': certificateThumbprint(certificate.raw) };
      tokenType = 'Bearer';
    } else {
      throw new OAuthError(
        'invalid_request',
        'Tokens are sender-constrained: send a DPoP proof, or authenticate with a client certificate (mTLS).',
      );
    }

    const { kid, privateJwk } = await this.serverKeys.current();
    const now = Math.floor(Date.now() / 1000);
    const accessToken = await new SignJWT({ client_id: client.id, scope: scopes.join(' '), org: client.organizationId, cnf })
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid })
      .setIssuer(this.issuer)
      .setSubject(client.id)
      .setAudience(this.issuer)
      .setIssuedAt(now)
      .setExpirationTime(now + ACCESS_TOKEN_TTL_SECONDS)
      .setJti(randomUUID())
      .sign(await importJWK(privateJwk as Parameters<typeof importJWK>[0], 'ES256'));
    return { access_token: accessToken, token_type: tokenType, expires_in: ACCESS_TOKEN_TTL_SECONDS, scope: scopes.join(' ') };
  }

  private async authenticateClient(body: TokenRequest, certificate: X509Certificate | null, request: Request): Promise<OAuthClient> {
    if (body.client_assertion !== undefined || body.client_assertion_type !== undefined) {
      if (body.client_assertion_type !== CLIENT_ASSERTION_TYPE || !body.client_assertion) {
        throw new OAuthError('invalid_client', `client_assertion_type must be ${CLIENT_ASSERTION_TYPE}, with a client_assertion.`);
      }
      return this.privateKeyJwt(body.client_assertion, body.client_id);
    }
    if (certificate && body.client_id) {
      const client = await this.clients.active(body.client_id);
      const socket = request.socket as TLSSocket;
      const thumbprint = certificateThumbprint(certificate.raw);
      const authenticated =
        client &&
        ((client.authMethod === 'self_signed_tls_client_auth' && client.certThumbprint === thumbprint) ||
          (client.authMethod === 'tls_client_auth' && socket.authorized === true && client.tlsSubject === certificate.subject));
      if (!authenticated) throw new OAuthError('invalid_client', 'The client certificate does not authenticate this client.');
      return client;
    }
    throw new OAuthError(
      'invalid_client',
      'Client authentication is required: private_key_jwt, or mTLS with client_id. Client secrets are not offered.',
    );
  }

  /** RFC 7523 §3 with FAPI 2.0's rules: iss = sub = client_id, aud = the issuer (a string), short exp, single-use jti. */
  private async privateKeyJwt(assertion: string, clientId: string | undefined): Promise<OAuthClient> {
    let header;
    let unverified: Record<string, unknown>;
    try {
      header = decodeProtectedHeader(assertion);
      unverified = JSON.parse(Buffer.from(assertion.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    } catch {
      throw new OAuthError('invalid_client', 'client_assertion is not a JWT.');
    }
    const alg = String(header.alg);
    if (!(ACCEPTED_JWS_ALGS as readonly string[]).includes(alg))
      throw new OAuthError('invalid_client', 'client_assertion must be signed with PS256, ES256 or EdDSA.');
    const subject = unverified.sub;
    if (typeof subject !== 'string' || unverified.iss !== subject || (clientId !== undefined && clientId !== subject)) {
      throw new OAuthError('invalid_client', 'iss and sub must both be the client_id.');
    }
    const client = await this.clients.active(subject);
    const key = client?.authMethod === 'private_key_jwt' && client.publicJwk ? keyForAlg(client.publicJwk, alg) : null;
    if (!client || !key) throw new OAuthError('invalid_client', 'Unknown client, or a key that does not fit the algorithm.');
    let claims: Record<string, unknown>;
    try {
      const { payload } = await compactVerify(assertion, key, { algorithms: [alg] });
      claims = JSON.parse(Buffer.from(payload).toString('utf8')) as Record<string, unknown>;
    } catch {
      throw new OAuthError('invalid_client', 'The client_assertion signature does not verify with the registered key.');
    }
    const now = Math.floor(Date.now() / 1000);
    if (claims.aud !== this.issuer)
      throw new OAuthError('invalid_client', `aud must be the issuer identifier "${this.issuer}", as a string.`);
    if (typeof claims.exp !== 'number' || claims.exp <= now)
      throw new OAuthError('invalid_client', 'The client_assertion has expired (exp is required).');
    if (claims.exp > now + MAX_ASSERTION_LIFETIME_SECONDS + FUTURE_TOLERANCE_SECONDS)
      throw new OAuthError('invalid_client', 'The client_assertion lives too long (exp at most 5 minutes ahead).');
    for (const claim of ['iat', 'nbf'] as const) {
      const value = claims[claim];
      if (value !== undefined && (typeof value !== 'number' || value > now + FUTURE_TOLERANCE_SECONDS)) {
        throw new OAuthError('invalid_client', `${claim} is too far in the future.`);
      }
    }
    if (typeof claims.jti !== 'string' || claims.jti.length === 0) throw new OAuthError('invalid_client', 'jti is required.');
    if (
      !(await this.replay.useOnce(
        'client_assertion',
        `${client.id}:${claims.jti}`,
        new Date((claims.exp + FUTURE_TOLERANCE_SECONDS) * 1000),
      ))
    ) {
      throw new OAuthError('invalid_client', 'This client_assertion was already used (jti).');
    }
    return client;
  }

  private grantedScopes(client: OAuthClient, requested: string | undefined): string[] {
    if (requested === undefined || requested.trim() === '') return client.scopes;
    const scopes = [...new Set(requested.trim().split(/\s+/))];
    const unknown = scopes.filter((scope) => !client.scopes.includes(scope));
    if (unknown.length > 0) throw new OAuthError('invalid_scope', `Not granted to this client: ${unknown.join(' ')}.`);
    return scopes;
  }
}
