import { createHash, JsonWebKey, X509Certificate } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { InvalidRequestError, newId, NotFoundError } from '@app/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Organization } from '../organizations/organization.entity';
import { ROLES, SCOPES } from '../principal';
import { isAcceptedClientKey } from './jwt-algorithms';
import { ClientAuthMethod, OAuthClient } from './oauth-client.entity';

export interface CreateClientInput {
  organizationId: string;
  name: string;
  scopes: string[];
  roles: string[];
  approved?: boolean;
  /** private_key_jwt */
  jwk?: JsonWebKey;
  /** tls_client_auth (CA-issued) or self_signed_tls_client_auth: the client's certificate (PEM). */
  certificatePem?: string;
  selfSigned?: boolean;
}

/** SHA-256 thumbprint (base64url) of a certificate's DER, as in `cnf.x5t#S256` (RFC 8705 §3.1). */
export function certificateThumbprint(der: Buffer): string {
  return createHash('sha256').update(der).digest('base64url');
}

@Injectable()
export class OAuthClientsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
  ) {}

  private get clients() {
    return this.txHost.tx.getRepository(OAuthClient);
  }

  async create(input: CreateClientInput, actor: string): Promise<OAuthClient> {
    const organization = await this.txHost.tx.getRepository(Organization).findOneBy({ id: input.organizationId });
    if (!organization) throw new NotFoundError(`Organization ${input.organizationId} does not exist.`);
    const unknownScopes = input.scopes.filter((scope) => !(SCOPES as readonly string[]).includes(scope));
    const unknownRoles = input.roles.filter((role) => !(ROLES as readonly string[]).includes(role));
    if (unknownScopes.length || unknownRoles.length) {
      throw new InvalidRequestError('Unknown scopes or roles.', [
        ...(unknownScopes.length ? [{ field: 'scopes', message: `unknown: ${unknownScopes.join(', ')}` }] : []),
        ...(unknownRoles.length ? [{ field: 'roles', message: `unknown: ${unknownRoles.join(', ')}` }] : []),
      ]);
    }
    let authMethod: ClientAuthMethod;
    let publicJwk: JsonWebKey | null = null;
    let tlsSubject: string | null = null;
    let certThumbprint: string | null = null;
    if (input.jwk && !input.certificatePem) {
      if (!isAcceptedClientKey(input.jwk)) {
        throw new InvalidRequestError('Unsupported client key.', [
          { field: 'jwk', message: 'must be a public Ed25519, P-256 or RSA (2048 bits or more) JWK' },
        ]);
      }
      authMethod = 'private_key_jwt';
      publicJwk = Object.fromEntries(
        Object.entries(input.jwk).filter(([name]) => ['kty', 'crv', 'x', 'y', 'n', 'e'].includes(name)),
      ) as JsonWebKey;
    } else if (input.certificatePem && !input.jwk) {
      let certificate: X509Certificate;
      try {
        certificate = new X509Certificate(input.certificatePem);
      } catch {
        throw new InvalidRequestError('Invalid certificate.', [{ field: 'cert', message: 'must be a PEM X.509 certificate' }]);
      }
      authMethod = input.selfSigned ? 'self_signed_tls_client_auth' : 'tls_client_auth';
      tlsSubject = certificate.subject;
      certThumbprint = certificateThumbprint(certificate.raw);
    } else {
      throw new InvalidRequestError('Give exactly one of a public JWK or a certificate.', [
        { field: 'jwk', message: 'or cert, not both, not neither' },
      ]);
    }
    const client = this.clients.create({
      id: newId('cli'),
      organizationId: organization.id,
      name: input.name.trim(),
      authMethod,
      publicJwk,
      tlsSubject,
      certThumbprint,
      scopes: [...new Set(input.scopes)],
      roles: [...new Set(input.roles)],
      supervisorApproved: input.approved === true,
      revokedAt: null,
    });
    return this.txHost.withTransaction(async () => {
      await this.clients.save(client);
      await this.audit.append(organization.id, actor, 'oauth_client.created', client.id, {
        name: client.name,
        auth_method: authMethod,
        scopes: client.scopes,
        roles: client.roles,
      });
      return this.clients.findOneByOrFail({ id: client.id });
    });
  }

  /** An active client with its organization, or null. */
  async active(id: string): Promise<(OAuthClient & { organization: Organization }) | null> {
    const client = await this.clients
      .createQueryBuilder('client')
      .innerJoinAndMapOne('client.organization', Organization, 'organization', 'organization.id = client.organization_id')
      .where('client.id = :id AND client.revoked_at IS NULL', { id })
      .getOne();
    return client as (OAuthClient & { organization: Organization }) | null;
  }
}
