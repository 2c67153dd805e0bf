import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { createHash, randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { OPERATOR_ACTOR } from '@app/common';
import { SigningKeysService } from '@app/signatures';
import { createSigner, httpbis } from 'http-message-signatures';
import request from 'supertest';

export type Alg = 'ed25519' | 'ecdsa-p256-sha256' | 'rsa-pss-sha512';

export interface SupervisorKey {
  keyid: string;
  alg: Alg;
  privateKey: KeyObject;
}

/** A fresh key pair of `alg`, its public half registered to `principalId`. */
export async function registerSigningKey(
  app: INestApplication,
  organizationId: string,
  principalId: string,
  alg: Alg = 'ed25519',
): Promise<SupervisorKey> {
  const pair =
    alg === 'ed25519'
      ? generateKeyPairSync('ed25519')
      : alg === 'ecdsa-p256-sha256'
        ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
        : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = await app.get(SigningKeysService).add(organizationId, principalId, pair.publicKey.export({ format: 'jwk' }), OPERATOR_ACTOR);
  return { keyid: key.keyid, alg, privateKey: pair.privateKey };
}

export interface SignOptions {
  /** Components to cover (default: the four the contract requires). */
  fields?: string[];
  created?: Date;
  expires?: Date;
  /** Send this body instead of the one signed. */
  tamperedBody?: string;
  keyid?: string;
  /** An `alg` parameter other than the key's. */
  alg?: string;
  idempotencyKey?: string;
}

/**
 * POSTs a supervisor's approval signed with an independent RFC 9421 implementation (the
 * `http-message-signatures` package, not our code), with an RFC 9530 Content-Digest.
 */
export async function signedApproval(
  app: INestApplication,
  path: string,
  auth: Record<string, string>,
  key: SupervisorKey,
  body: object,
  options: SignOptions = {},
) {
  const raw = JSON.stringify(body);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'idempotency-key': options.idempotencyKey ?? randomUUID(),
    'content-digest': `sha-256=:${createHash('sha256').update(raw).digest('base64')}:`,
  };
  const signed = await httpbis.signMessage(
    {
      key: createSigner(key.privateKey, key.alg, options.keyid ?? key.keyid),
      fields: options.fields ?? ['@method', '@target-uri', 'content-digest', 'idempotency-key'],
      params: options.expires ? ['created', 'expires', 'keyid', 'alg'] : ['created', 'keyid', 'alg'],
      paramValues: {
        created: options.created ?? new Date(),
        ...(options.expires ? { expires: options.expires } : {}),
        ...(options.alg ? { alg: options.alg } : {}),
      },
    },
    { method: 'POST', url: `http://localhost:3000${path}`, headers },
  );
  return request(app.getHttpServer())
    .post(path)
    .set(auth)
    .set(signed.headers as Record<string, string>)
    .send(options.tamperedBody ?? raw);
}
