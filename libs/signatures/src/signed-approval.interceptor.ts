import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, UseInterceptors } from '@nestjs/common';
import { AppConfig, ErrorEnvelopeDto } from '@app/common';
import { ApiHeader, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Request } from 'express';
import { Observable } from 'rxjs';
import { ACCEPT_SIGNATURE, SignatureEvidence, verifyRequestSignature } from './request-signature';
import { SigningKeysService } from './signing-keys.service';

/** Where a verified approval's evidence is left for the handler. */
export const SIGNATURE_EVIDENCE = Symbol('signatureEvidence');

export function evidenceOf(request: Request): SignatureEvidence {
  const evidence = (request as unknown as Record<symbol, SignatureEvidence | undefined>)[SIGNATURE_EVIDENCE];
  if (!evidence) throw new Error('No verified signature on this request');
  return evidence;
}

/**
 * Verifies the RFC 9421 message signature of a high-risk approval before the handler runs (API.md
 * §6), against the body bytes as received and a key registered to the authenticated principal. The
 * target URI is PUBLIC_BASE_URL plus the request path, as the client addressed it.
 */
@Injectable()
export class SignedApprovalInterceptor implements NestInterceptor {
  constructor(
    private readonly config: AppConfig,
    private readonly signingKeys: SigningKeysService,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    const principal = request.user as { id: string };
    const evidence = await verifyRequestSignature(
      {
        method: request.method,
        targetUri: new URL(request.originalUrl, `${this.config.publicBaseUrl}/`),
        headers: request.headers,
        rawBody: request.rawBody ?? Buffer.alloc(0),
      },
      (keyid) => this.signingKeys.forPrincipal(principal.id, keyid),
    );
    (request as unknown as Record<symbol, SignatureEvidence>)[SIGNATURE_EVIDENCE] = evidence;
    return next.handle();
  }
}

/** The route needs an RFC 9421-signed request (high-risk approvals); documents the headers and 401s. */
export function RequiresSignedApproval() {
  return applyDecorators(
    UseInterceptors(SignedApprovalInterceptor),
    ApiHeader({
      name: 'Signature-Input',
      required: true,
      description: `RFC 9421. Must cover "@method", "@path" or "@target-uri", "content-digest" and "idempotency-key"; keyid and created required. Example: ${ACCEPT_SIGNATURE}`,
    }),
    ApiHeader({
      name: 'Signature',
      required: true,
      description: 'RFC 9421 signature (ed25519, ecdsa-p256-sha256 or rsa-pss-sha512) by a key registered to the approving supervisor.',
    }),
    ApiHeader({ name: 'Content-Digest', required: true, description: 'RFC 9530 sha-256 or sha-512 digest of the exact body bytes.' }),
    ApiUnauthorizedResponse({
      type: ErrorEnvelopeDto,
      description: '`signature_required` or `invalid_signature` (with `Accept-Signature`), or `invalid_token`.',
    }),
  );
}
