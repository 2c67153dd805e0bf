import { JsonWebKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { InvalidRequestError } from '@app/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { IsNull } from 'typeorm';
import { algorithmForJwk, jwkThumbprint, publicKeyOf, UnsupportedKeyError } from './algorithms';
import { RegisteredKey } from './request-signature';
import { SigningKey } from './signing-key.entity';

@Injectable()
export class SigningKeysService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
  ) {}

  private get keys() {
    return this.txHost.tx.getRepository(SigningKey);
  }

  /**
   * Registers a public JWK for `principalId` (the caller has checked it is a supervisor of
   * `organizationId`). Registering the same key again returns it unchanged.
   */
  async add(organizationId: string, principalId: string, jwk: JsonWebKey, actor: string): Promise<SigningKey> {
    let alg;
    try {
      alg = algorithmForJwk(jwk);
      publicKeyOf(jwk);
    } catch (error) {
      const reason = error instanceof UnsupportedKeyError ? error.message : 'not a valid JWK';
      throw new InvalidRequestError('Unsupported signing key.', [{ field: 'jwk', message: reason }]);
    }
    const publicJwk = Object.fromEntries(
      Object.entries(jwk).filter(([name]) => ['kty', 'crv', 'x', 'y', 'n', 'e'].includes(name)),
    ) as JsonWebKey;
    const keyid = jwkThumbprint(publicJwk);
    return this.txHost.withTransaction(async () => {
      const existing = await this.keys.findOneBy({ keyid });
      if (existing) {
        if (existing.principalId !== principalId)
          throw new InvalidRequestError('This key is registered to another principal.', [{ field: 'jwk', message: 'already in use' }]);
        return existing;
      }
      await this.keys.save(this.keys.create({ keyid, organizationId, principalId, alg, publicJwk, revokedAt: null }));
      await this.audit.append(organizationId, actor, 'signing_key.added', principalId, { keyid, alg, public_jwk: publicJwk });
      return this.keys.findOneByOrFail({ keyid });
    });
  }

  /** The principal's active key with this keyid, in the shape the verifier needs; null otherwise. */
  async forPrincipal(principalId: string, keyid: string): Promise<RegisteredKey | null> {
    const key = await this.keys.findOneBy({ keyid, principalId, revokedAt: IsNull() });
    return key ? { alg: key.alg, publicJwk: key.publicJwk } : null;
  }
}
