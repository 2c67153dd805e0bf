import { JsonWebKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Injectable } from '@nestjs/common';
import { OAuthClientsService, ServerKeysService } from '@app/auth';
import { InvalidRequestError, OPERATOR_ACTOR } from '@app/common';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { commaList, printJson } from '../output';

function readFile(path: string, field: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new InvalidRequestError(`Cannot read --${field}.`, [{ field, message: 'must be a readable file' }]);
  }
}

@Injectable()
@SubCommand({
  name: 'create',
  description: 'Register an OAuth client (private_key_jwt with --jwk, or mTLS with --cert); prints {"client_id":"cli_…"}',
})
export class ClientCreateCommand extends CommandRunner {
  constructor(private readonly clients: OAuthClientsService) {
    super();
  }

  async run(
    _args: string[],
    options: {
      org: string;
      name: string;
      scopes: string;
      roles: string;
      jwk?: string;
      cert?: string;
      selfSigned?: boolean;
      approved?: boolean;
    },
  ): Promise<void> {
    let jwk: JsonWebKey | undefined;
    if (options.jwk) {
      try {
        jwk = JSON.parse(readFile(options.jwk, 'jwk')) as JsonWebKey;
      } catch (error) {
        if (error instanceof InvalidRequestError) throw error;
        throw new InvalidRequestError('The --jwk file is not JSON.', [{ field: 'jwk', message: 'must hold one public JWK' }]);
      }
    }
    const client = await this.clients.create(
      {
        organizationId: options.org,
        name: options.name,
        scopes: commaList(options.scopes),
        roles: commaList(options.roles),
        approved: options.approved === true,
        jwk,
        certificatePem: options.cert ? readFile(options.cert, 'cert') : undefined,
        selfSigned: options.selfSigned === true,
      },
      OPERATOR_ACTOR,
    );
    printJson({
      object: 'oauth_client',
      client_id: client.id,
      organization_id: client.organizationId,
      name: client.name,
      token_endpoint_auth_method: client.authMethod,
      scopes: client.scopes,
      roles: client.roles,
      supervisor_approved: client.supervisorApproved,
      created_at: client.createdAt.toISOString(),
    });
  }

  @Option({ flags: '--org <id>', required: true })
  parseOrg(value: string) {
    return value;
  }

  @Option({ flags: '--name <name>', required: true })
  parseName(value: string) {
    return value;
  }

  @Option({ flags: '--scopes <scopes>', required: true, description: 'comma-separated' })
  parseScopes(value: string) {
    return value;
  }

  @Option({ flags: '--roles <roles>', defaultValue: '', description: 'comma-separated: operator, supervisor, viewer' })
  parseRoles(value: string) {
    return value;
  }

  @Option({ flags: '--jwk <file>', description: 'public JWK for private_key_jwt (Ed25519, P-256, RSA ≥ 2048)' })
  parseJwk(value: string) {
    return value;
  }

  @Option({ flags: '--cert <file>', description: 'PEM client certificate for mTLS (tls_client_auth)' })
  parseCert(value: string) {
    return value;
  }

  @Option({ flags: '--self-signed', description: 'with --cert: self_signed_tls_client_auth (the certificate itself is trusted)' })
  parseSelfSigned() {
    return true;
  }

  @Option({ flags: '--approved', description: 'supervisor-approved (may call write endpoints)' })
  parseApproved() {
    return true;
  }
}

@Injectable()
@SubCommand({
  name: 'rotate',
  description: "Rotate the authorization server's token-signing key (the old one stays in the JWKS until its tokens expire)",
})
export class ServerKeyRotateCommand extends CommandRunner {
  constructor(private readonly serverKeys: ServerKeysService) {
    super();
  }

  async run(): Promise<void> {
    const key = await this.serverKeys.rotate();
    printJson({ object: 'server_signing_key', kid: key.kid, alg: key.alg, created_at: key.createdAt.toISOString() });
  }
}

@Command({ name: 'client', description: 'OAuth clients', subCommands: [ClientCreateCommand] })
export class ClientCommand extends CommandRunner {
  async run(): Promise<void> {
    throw new InvalidRequestError('Missing subcommand: client create.');
  }
}

@Command({ name: 'server-key', description: "The authorization server's signing keys", subCommands: [ServerKeyRotateCommand] })
export class ServerKeyCommand extends CommandRunner {
  async run(): Promise<void> {
    throw new InvalidRequestError('Missing subcommand: server-key rotate.');
  }
}
