import { INestApplication } from '@nestjs/common';
import { API_KEY_SCHEME, OAUTH_SCHEME, SCOPES } from '@app/auth';
import { AppConfig, ErrorEnvelopeDto } from '@app/common';
import { NO_IDEMPOTENCY_EXTENSION } from '@app/idempotency';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

const DESCRIPTION = `
Settlement and treasury API for programmable money: wallets, balances, transfers with supervisor
approval, and a transaction history.

**Idempotency.** Every POST takes an \`Idempotency-Key\` header; retrying with the same key never
executes twice.

**Authentication.** Every endpoint but the health checks, discovery documents and this
documentation needs a credential in the \`Authorization\` header (never the query string):
an API key (\`Bearer nxt_live_…\` / \`nxt_test_…\`) or an OAuth 2.0 access token. Credentials carry
scopes and roles. A credential that a supervisor has not approved may call read-only (GET)
endpoints only; any write answers 403 \`insufficient_scope\`.

**Errors.** Every non-2xx response has the body \`{"error", "message", "code", "details"?, "request_id"?}\`
(schema \`ErrorEnvelope\`); \`details\` lists each invalid field on validation errors.

**Conventions.** JSON with snake_case fields. Ids are opaque and type-prefixed (\`wal_\`, \`txn_\`, …).
Money amounts are decimal strings, exact to the asset's decimals. Lists are newest first, with keyset
pagination: pass \`next_cursor\` as \`cursor\`. A resource of another organization is a 404.
Every response carries \`X-Request-Id\`.
`.trim();

/** The OpenAPI 3 document partners generate clients from. */
export function buildOpenApiDocument(app: INestApplication, config: AppConfig): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('NxTreasury API')
    .setDescription(DESCRIPTION)
    .setVersion('1.0.0')
    .addServer(config.publicBaseUrl)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'nxt_live_… / nxt_test_…', description: 'An API key.' }, API_KEY_SCHEME)
    .addOAuth2(
      {
        type: 'oauth2',
        description:
          'OAuth 2.0 client credentials, FAPI 2.0 aligned: private_key_jwt or mTLS client authentication, sender-constrained (DPoP or mTLS) access tokens.',
        flows: {
          clientCredentials: {
            tokenUrl: `${config.publicBaseUrl}/api/v1/oauth/token`,
            scopes: Object.fromEntries(SCOPES.map((scope) => [scope, scope])),
          },
        },
      },
      OAUTH_SCHEME,
    );
  const document = SwaggerModule.createDocument(app, builder.build(), { extraModels: [ErrorEnvelopeDto] });
  addDefaultErrorResponse(document);
  addIdempotencyKeyHeader(document);
  return document;
}

/** Every POST under /api/v1 takes a required Idempotency-Key (API.md §5), save those marked otherwise. */
function addIdempotencyKeyHeader(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths)) {
    const operation = item.post;
    if (!path.startsWith('/api/v1/') || !operation || (operation as unknown as Record<string, unknown>)[NO_IDEMPOTENCY_EXTENSION]) continue;
    operation.parameters = [
      ...(operation.parameters ?? []),
      {
        name: 'Idempotency-Key',
        in: 'header',
        required: true,
        description:
          '1–255 printable ASCII characters, unique per operation (a UUID). A retry with the same key and body returns the recorded response with `Idempotent-Replayed: true`; with another body, 409. Kept 24 hours.',
        schema: { type: 'string', minLength: 1, maxLength: 255, example: '12345678-abcd-1234-abcd-1234567890ab' },
      },
    ];
  }
}

/** Every operation's undocumented statuses answer with the error envelope. */
function addDefaultErrorResponse(document: OpenAPIObject): void {
  for (const path of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = path[method];
      if (!operation) continue;
      operation.responses.default ??= {
        description: 'Error (see the `error` code).',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelopeDto' } } },
      };
    }
  }
}
