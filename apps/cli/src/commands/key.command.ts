import { Injectable } from '@nestjs/common';
import { apiKeyView, ApiKeysService } from '@app/auth';
import { InvalidRequestError, OPERATOR_ACTOR } from '@app/common';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { commaList, printJson } from '../output';

@Injectable()
@SubCommand({ name: 'create', description: 'Create an API key; prints {"id":"key_…","secret":"nxt_…"} (the secret is shown only here)' })
export class KeyCreateCommand extends CommandRunner {
  constructor(private readonly apiKeys: ApiKeysService) {
    super();
  }

  async run(
    _args: string[],
    options: { org: string; name: string; scopes: string; roles: string; approved?: boolean; expiresAt?: string },
  ): Promise<void> {
    let expiresAt: Date | null = null;
    if (options.expiresAt !== undefined) {
      expiresAt = new Date(options.expiresAt);
      if (Number.isNaN(expiresAt.getTime())) {
        throw new InvalidRequestError('Invalid --expires-at.', [{ field: 'expires_at', message: 'must be an RFC 3339 date-time' }]);
      }
    }
    const { key, secret } = await this.apiKeys.create(
      {
        organizationId: options.org,
        name: options.name,
        scopes: commaList(options.scopes),
        roles: commaList(options.roles),
        approved: options.approved === true,
        expiresAt,
      },
      OPERATOR_ACTOR,
    );
    printJson({ ...apiKeyView(key), secret });
  }

  @Option({ flags: '--org <id>', required: true })
  parseOrg(value: string) {
    return value;
  }

  @Option({ flags: '--name <name>', required: true })
  parseName(value: string) {
    return value;
  }

  @Option({ flags: '--scopes <scopes>', required: true, description: 'comma-separated, e.g. treasury:read,transfers:write' })
  parseScopes(value: string) {
    return value;
  }

  @Option({ flags: '--roles <roles>', defaultValue: '', description: 'comma-separated: operator, supervisor, viewer' })
  parseRoles(value: string) {
    return value;
  }

  @Option({ flags: '--approved', description: 'create it supervisor-approved (bootstrapping the first supervisor)' })
  parseApproved() {
    return true;
  }

  @Option({ flags: '--expires-at <datetime>', description: 'RFC 3339 expiry' })
  parseExpiresAt(value: string) {
    return value;
  }
}

@Injectable()
@SubCommand({ name: 'approve', description: 'Mark a key supervisor-approved, on behalf of a supervisor principal' })
export class KeyApproveCommand extends CommandRunner {
  constructor(private readonly apiKeys: ApiKeysService) {
    super();
  }

  async run(_args: string[], options: { key: string; by: string }): Promise<void> {
    printJson(apiKeyView(await this.apiKeys.approve(options.key, options.by)));
  }

  @Option({ flags: '--key <id>', required: true })
  parseKey(value: string) {
    return value;
  }

  @Option({ flags: '--by <principal>', required: true, description: 'the approving supervisor principal (key_…)' })
  parseBy(value: string) {
    return value;
  }
}

@Injectable()
@SubCommand({ name: 'revoke', description: 'Revoke a key (effective on the next request)' })
export class KeyRevokeCommand extends CommandRunner {
  constructor(private readonly apiKeys: ApiKeysService) {
    super();
  }

  async run(_args: string[], options: { key: string }): Promise<void> {
    printJson(apiKeyView(await this.apiKeys.revoke(options.key, OPERATOR_ACTOR)));
  }

  @Option({ flags: '--key <id>', required: true })
  parseKey(value: string) {
    return value;
  }
}

@Command({ name: 'key', description: 'API keys', subCommands: [KeyCreateCommand, KeyApproveCommand, KeyRevokeCommand] })
export class KeyCommand extends CommandRunner {
  async run(): Promise<void> {
    throw new InvalidRequestError('Missing subcommand: key create | approve | revoke.');
  }
}
