import { JsonWebKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Injectable } from '@nestjs/common';
import { ApiKeysService } from '@app/auth';
import { InvalidRequestError, OPERATOR_ACTOR } from '@app/common';
import { SigningKeysService } from '@app/signatures';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { printJson } from '../output';

@Injectable()
@SubCommand({ name: 'add', description: "Register a supervisor's public JWK for signing approvals; prints its keyid" })
export class SigningKeyAddCommand extends CommandRunner {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly signingKeys: SigningKeysService,
  ) {
    super();
  }

  async run(_args: string[], options: { principal: string; jwk: string }): Promise<void> {
    const principal = await this.apiKeys.get(options.principal);
    if (principal.revokedAt || !principal.roles.includes('supervisor')) {
      throw new InvalidRequestError('Signing keys belong to active supervisors.', [
        { field: 'principal', message: 'must be an active principal with the supervisor role' },
      ]);
    }
    let jwk: JsonWebKey;
    try {
      jwk = JSON.parse(readFileSync(options.jwk, 'utf8')) as JsonWebKey;
    } catch {
      throw new InvalidRequestError('Cannot read the JWK file.', [
        { field: 'jwk', message: 'must be a readable file holding one JSON Web Key' },
      ]);
    }
    const key = await this.signingKeys.add(principal.organizationId, principal.id, jwk, OPERATOR_ACTOR);
    printJson({
      object: 'signing_key',
      keyid: key.keyid,
      alg: key.alg,
      principal_id: key.principalId,
      public_jwk: key.publicJwk,
      created_at: key.createdAt.toISOString(),
    });
  }

  @Option({ flags: '--principal <id>', required: true, description: 'the supervisor (key_…)' })
  parsePrincipal(value: string) {
    return value;
  }

  @Option({ flags: '--jwk <file>', required: true, description: 'file with the public JWK (Ed25519, P-256, or RSA ≥ 2048)' })
  parseJwk(value: string) {
    return value;
  }
}

@Command({ name: 'signing-key', description: 'Approval signing keys', subCommands: [SigningKeyAddCommand] })
export class SigningKeyCommand extends CommandRunner {
  async run(): Promise<void> {
    throw new InvalidRequestError('Missing subcommand: signing-key add.');
  }
}
