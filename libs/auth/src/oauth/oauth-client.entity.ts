import { JsonWebKey } from 'node:crypto';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PrincipalRecord } from '../principal-record';

export const CLIENT_AUTH_METHODS = ['private_key_jwt', 'tls_client_auth', 'self_signed_tls_client_auth'] as const;
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];

/** An OAuth 2.0 client (client credentials, FAPI 2.0): a principal of an organization, like an API key. */
@Entity('oauth_clients')
export class OAuthClient extends PrincipalRecord {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  authMethod!: ClientAuthMethod;

  /** private_key_jwt: the client's public key. */
  @Column({ type: 'jsonb', nullable: true })
  publicJwk!: JsonWebKey | null;

  /** tls_client_auth: the certificate's subject DN, as Node prints it. */
  @Column({ type: 'text', nullable: true })
  tlsSubject!: string | null;

  /** self_signed_tls_client_auth: SHA-256 thumbprint (base64url) of the registered certificate. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  certThumbprint!: string | null;
}
