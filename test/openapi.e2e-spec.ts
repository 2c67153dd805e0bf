import { NestExpressApplication } from '@nestjs/platform-express';
import OpenAPISchemaValidator from 'openapi-schema-validator';
import request from 'supertest';
import { createTestApp } from './support/test-app';

type Operation = { security?: Record<string, string[]>[]; responses: Record<string, unknown>; parameters?: { name: string; in: string }[] };

/** The OpenAPI document is a product: partners generate clients from it. */
describe('OpenAPI document', () => {
  let app: NestExpressApplication;
  let document: {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
  };

  beforeAll(async () => {
    app = await createTestApp();
    document = (await request(app.getHttpServer()).get('/docs/openapi.json').expect(200)).body;
  });
  afterAll(() => app.close());

  it('is a valid OpenAPI 3 document (checked by an independent validator)', () => {
    const { errors } = new OpenAPISchemaValidator({ version: 3 }).validate(document as never);
    expect(errors).toEqual([]);
  });

  it('resolves every $ref', () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const name of refs) expect(document.components.schemas).toHaveProperty([name]);
  });

  it('declares both security schemes and the error envelope', () => {
    expect(document.components.securitySchemes).toEqual({
      api_key: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      oauth2: expect.objectContaining({
        type: 'oauth2',
        flows: { clientCredentials: expect.objectContaining({ tokenUrl: expect.stringContaining('/api/v1/oauth/token') }) },
      }),
    });
    expect(document.components.schemas.ErrorEnvelopeDto).toMatchObject({
      required: expect.arrayContaining(['error', 'message', 'code']),
      properties: expect.objectContaining({ details: expect.anything(), request_id: expect.anything() }),
    });
  });

  /** The token endpoint is the one public /api/v1 operation (client authentication happens in its body). */
  const TOKEN = '/api/v1/oauth/token';

  it('secures every /api/v1 operation but the token endpoint with both schemes and documents its errors', () => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );
    const api = operations.filter(({ path }) => path.startsWith('/api/v1/') && path !== TOKEN);
    expect(document.paths[TOKEN].post.security).toBeUndefined();
    expect(api.length).toBeGreaterThanOrEqual(7);
    for (const { operation } of api) {
      expect(operation.security).toEqual(expect.arrayContaining([{ api_key: [] }, expect.objectContaining({ oauth2: expect.any(Array) })]));
      expect(operation.responses).toHaveProperty('default');
      expect(operation.responses).toHaveProperty('401');
    }
  });

  it('documents the required Idempotency-Key header on every POST', () => {
    const posts = Object.entries(document.paths).filter(([path, methods]) => path.startsWith('/api/v1/') && path !== TOKEN && methods.post);
    // API.md §4: the token endpoint, on purpose, takes no Idempotency-Key.
    expect((document.paths[TOKEN].post.parameters ?? []).map((parameter) => parameter.name)).not.toContain('Idempotency-Key');
    expect(posts.map(([path]) => path)).toEqual(
      expect.arrayContaining(['/api/v1/wallets', '/api/v1/transfer_requests', '/api/v1/transfer_requests/{id}/cancel']),
    );
    for (const [, methods] of posts) {
      expect(methods.post.parameters).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true })]),
      );
    }
    for (const [, methods] of Object.entries(document.paths)) {
      for (const method of ['get', 'patch'] as const) {
        const names = (methods[method]?.parameters ?? []).map((parameter) => parameter.name);
        expect(names).not.toContain('Idempotency-Key');
      }
    }
  });

  it('documents money as decimal strings', () => {
    const create = document.components.schemas.CreateTransferRequestDto as {
      properties: Record<string, { type: string }>;
      required: string[];
    };
    expect(create.properties.amount.type).toBe('string');
    expect(create.required).toEqual(expect.arrayContaining(['amount', 'currency', 'destination']));
    const transfer = document.components.schemas.TransferRequestDto as { properties: Record<string, { type?: string }> };
    expect(transfer.properties.amount.type).toBe('string');
  });

  it('documents the wallet and balance resources field by field', () => {
    expect(document.components.schemas.WalletDto).toMatchObject({
      properties: expect.objectContaining({ id: expect.anything(), address: expect.anything(), is_default: expect.anything() }),
    });
    expect(document.components.schemas.BalanceDto).toMatchObject({
      properties: expect.objectContaining({ available: { type: 'string', example: '999900', description: expect.any(String) } }),
    });
    expect(document.components.schemas.CreateWalletDto).toMatchObject({ required: expect.arrayContaining(['name', 'chain']) });
    const list = document.paths['/api/v1/wallets'].get;
    expect(list.parameters?.map((parameter) => parameter.name)).toEqual(expect.arrayContaining(['limit', 'cursor', 'chain']));
  });

  it('serves Swagger UI at /docs', async () => {
    const page = await request(app.getHttpServer()).get('/docs').redirects(1).expect(200);
    expect(page.text).toContain('swagger-ui');
  });
});
