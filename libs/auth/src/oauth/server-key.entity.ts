import { JsonWebKey } from 'node:crypto';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A key the authorization server signs access tokens with. The private half is stored encrypted
 * (AES-256-GCM under a key derived from API_KEY_HASH_SECRET). A rotated key stops signing but stays
 * in the JWKS until every token it signed has expired.
 */
@Entity('server_signing_keys')
export class ServerSigningKey {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  kid!: string;

  @Column({ type: 'varchar', length: 16 })
  alg!: 'ES256';

  @Column({ type: 'jsonb' })
  publicJwk!: JsonWebKey;

  /** iv.tag.ciphertext (base64url) of the private JWK. */
  @Column({ type: 'text' })
  encryptedPrivateJwk!: string;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  retiredAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
