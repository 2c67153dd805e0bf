import { AppConfig } from '@app/common';
import { Params } from 'nestjs-pino';

/** Header and field names whose values never reach a log line. */
const REDACTED = [
  'req.headers.authorization',
  'req.headers.dpop',
  'req.headers.signature',
  'req.headers["signature-input"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.secret',
  '*.password',
  '*.private_jwk',
];

/** Structured JSON logs, one line per request, tagged with the request id; credentials redacted. */
export function loggingOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: (request) => (request as { id?: string }).id ?? '',
      redact: { paths: REDACTED, censor: '[redacted]' },
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
      serializers: {
        req: (request: { id: string; method: string; url: string; headers: Record<string, string> }) => ({
          id: request.id,
          method: request.method,
          url: request.url.replace(/([?&]access_token=)[^&]*/gi, '$1[redacted]'),
          headers: request.headers,
        }),
      },
    },
  };
}
