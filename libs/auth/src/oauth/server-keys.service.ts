import { createCipheriv, createDecipheriv, generateKeyPairSync, hkdfSync, JsonWebKey, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { calculateJwkThumbprint } from 'jose';
import { IsNull, MoreThan } from 'typeorm';
import { ServerSigningKey } from './server-key.entity';

/** Access tokens live at most this long (API.md §4: ≤ 10 minutes). */
export const ACCESS_TOKEN_TTL_SECONDS = 300;

/** The authorization server's token-signing keys: created on first use, rotatable, published as a JWKS. */
@Injectable()
export class ServerKeysService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly config: AppConfig,
  ) {}

  private get keys() {
    return this.txHost.tx.getRepository(ServerSigningKey);
  }

  /** The key that signs new tokens (created under an advisory lock if there is none). */
  async current(): Promise<{ kid: string; privateJwk: JsonWebKey }> {
    let key = await this.keys.findOne({ where: { retiredAt: IsNull() }, order: { createdAt: 'DESC' } });
    if (!key) {
      key = await this.txHost.withTransaction(async () => {
        await this.txHost.tx.query("SELECT pg_advisory_xact_lock(hashtext('server-signing-key'))");
        return (await this.keys.findOne({ where: { retiredAt: IsNull() }, order: { createdAt: 'DESC' } })) ?? this.create();
      });
    }
    return { kid: key.kid, privateJwk: JSON.parse(this.decrypt(key.encryptedPrivateJwk)) as JsonWebKey };
  }

  /** Starts signing with a new key; the old one stays published until its tokens have expired. */
  async rotate(): Promise<ServerSigningKey> {
    return this.txHost.withTransaction(async () => {
      await this.txHost.tx.query("SELECT pg_advisory_xact_lock(hashtext('server-signing-key'))");
      await this.keys.update({ retiredAt: IsNull() }, { retiredAt: new Date() });
      return this.create();
    });
  }

  /** Public keys that verify tokens still alive (RFC 8414 `jwks_uri`). */
  async published(): Promise<JsonWebKey[]> {
    const since = new Date(Date.now() - ACCESS_TOKEN_TTL_SECONDS * 1000 - 60_000);
    const keys = await this.keys.find({ where: [{ retiredAt: IsNull() }, { retiredAt: MoreThan(since) }], order: { createdAt: 'DESC' } });
    return keys.map((key) => ({ ...key.publicJwk, kid: key.kid, alg: key.alg, use: 'sig' }));
  }

  private async create(): Promise<ServerSigningKey> {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const publicJwk = pair.publicKey.export({ format: 'jwk' });
    const kid = await calculateJwkThumbprint(publicJwk as Parameters<typeof calculateJwkThumbprint>[0]);
    const key = this.keys.create({
      kid,
      alg: 'ES256',
      publicJwk,
      encryptedPrivateJwk: this.encrypt(JSON.stringify(pair.privateKey.export({ format: 'jwk' }))),
      retiredAt: null,
    });
    return this.keys.save(key);
  }

  private encryptionKey(): Buffer {
    return Buffer.from(hkdfSync('sha256', this.config.apiKeyHashSecret, 'nxtreasury', 'server-signing-key', 32));
  }

  private encrypt(text: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey(), iv);
    const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), data].map((part) => part.toString('base64url')).join('.');
  }

  private decrypt(sealed: string): string {
    const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey(), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  }
}
