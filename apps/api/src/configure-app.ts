import { AccessGuard, AuthenticationGuard } from '@app/auth';
import { AppConfig } from '@app/common';
import { IdempotencyInterceptor } from '@app/idempotency';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { bodyParsers } from './http/body-parsers';
import { ConsumesInterceptor } from './http/consumes.interceptor';
import { buildOpenApiDocument } from './http/openapi';
import { RateLimitGuard } from './http/rate-limit.guard';
import { requestIdMiddleware } from './http/request-id.middleware';
import { apiValidationPipe } from './http/validation.pipe';

/**
 * The whole request pipeline, in one place, for `main.ts` and the e2e tests alike: request id,
 * security headers, body parsing (raw bytes kept), authentication and access guards, media type,
 * Idempotency-Key, validation, the error envelope, and the OpenAPI document.
 */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestIdMiddleware);
  app.use(
    helmet({
      // Swagger UI at /docs runs its own bundled scripts and styles; the API itself serves only JSON.
      contentSecurityPolicy: {
        directives: { 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] },
      },
    }),
  );
  app.use(...bodyParsers);
  app.useGlobalGuards(app.get(RateLimitGuard), app.get(AuthenticationGuard), app.get(AccessGuard));
  app.useGlobalInterceptors(app.get(ConsumesInterceptor), app.get(IdempotencyInterceptor));
  app.useGlobalPipes(apiValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());

  const document = buildOpenApiDocument(app, config);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs/openapi.json',
    yamlDocumentUrl: 'docs/openapi.yaml',
    customSiteTitle: 'NxTreasury API',
  });
  return app;
}
