import { JsonWebKey } from 'node:crypto';
import { ApiError } from '@app/common';
import { publicKeyOf, SignatureAlgorithm, verifySignature } from './algorithms';
import { contentDigestMatches } from './content-digest';
import { signatureBase, SignatureBaseError } from './signature-base';
import { Item, parseDictionary, StructuredFieldError } from './structured-fields';

/** Components every approval signature must cover (API.md §6); `@path` may be `@target-uri` instead. */
export const REQUIRED_COMPONENTS = ['@method', 'content-digest', 'idempotency-key'] as const;
export const MAX_CLOCK_SKEW_SECONDS = 300;

/** RFC 9421 §5.1: what a signature on this endpoint must look like, sent with every 401 here. */
export const ACCEPT_SIGNATURE = 'sig1=("@method" "@target-uri" "content-digest" "idempotency-key");created;keyid';

export class SignatureRequiredError extends ApiError {
  constructor() {
    super(
      401,
      'signature_required',
      'This approval must carry an RFC 9421 HTTP message signature (Signature-Input, Signature, Content-Digest).',
      {
        headers: { 'Accept-Signature': ACCEPT_SIGNATURE },
      },
    );
  }
}

export class InvalidSignatureError extends ApiError {
  constructor(reason: string) {
    super(401, 'invalid_signature', `The message signature is not valid: ${reason}.`, {
      headers: { 'Accept-Signature': ACCEPT_SIGNATURE },
    });
  }
}

export interface SignedRequest {
  method: string;
  /** The target URI as the client addressed it (from PUBLIC_BASE_URL and the request path). */
  targetUri: URL;
  headers: Record<string, string | string[] | undefined>;
  /** The body bytes as received. */
  rawBody: Buffer;
}

export interface RegisteredKey {
  alg: SignatureAlgorithm;
  publicJwk: JsonWebKey;
}

/**
 * Everything a third party needs to re-verify an approval later with nothing but this record
 * (API.md §6): the key, the exact signature base that was verified, and the raw body it digests.
 */
export interface SignatureEvidence {
  keyid: string;
  alg: SignatureAlgorithm;
  public_jwk: JsonWebKey;
  /** The Signature-Input member (`label=...`) that was verified. */
  signature_input: string;
  /** The Signature member (`label=:base64:`). */
  signature: string;
  signature_base: string;
  content_digest: string;
  /** The request body, exactly as received (UTF-8). */
  body: string;
}

/**
 * Verifies the RFC 9421 signature of a request: the required components are covered, `keyid`
 * names a key `lookup` accepts (the authenticated supervisor's own), `created` is within five
 * minutes and `expires` has not passed, `alg` (if given) matches the key, the RFC 9530
 * Content-Digest matches the raw body, and the signature verifies over the signature base.
 */
export async function verifyRequestSignature(
  request: SignedRequest,
  lookup: (keyid: string) => Promise<RegisteredKey | null>,
  now = Date.now(),
): Promise<SignatureEvidence> {
  const inputField = header(request, 'signature-input');
  const signatureField = header(request, 'signature');
  if (inputField === undefined && signatureField === undefined) throw new SignatureRequiredError();
  if (inputField === undefined || signatureField === undefined)
    throw new InvalidSignatureError('both Signature-Input and Signature are needed');

  let inputs, signatures;
  try {
    inputs = parseDictionary(inputField);
    signatures = parseDictionary(signatureField);
  } catch (error) {
    if (error instanceof StructuredFieldError) throw new InvalidSignatureError(`malformed signature fields (${error.message})`);
    throw error;
  }
  const label = [...inputs.keys()].find((candidate) => signatures.has(candidate));
  if (!label) throw new InvalidSignatureError('no Signature-Input member has a matching Signature member');
  const input = inputs.get(label)!;
  const signature = signatures.get(label)!.value;
  if (!Array.isArray(input.value)) throw new InvalidSignatureError('Signature-Input must be an inner list of components');
  if (!Buffer.isBuffer(signature)) throw new InvalidSignatureError('Signature must be a byte sequence');

  const components = input.value as Item[];
  const covered = new Set(components.map((component) => component.value));
  const missing = REQUIRED_COMPONENTS.filter((name) => !covered.has(name));
  if (!covered.has('@path') && !covered.has('@target-uri')) missing.push('@path' as never);
  if (missing.length > 0) throw new InvalidSignatureError(`it must cover ${missing.map((name) => `"${name}"`).join(', ')}`);

  const keyid = input.params.get('keyid');
  const created = input.params.get('created');
  const expires = input.params.get('expires');
  const alg = input.params.get('alg');
  if (typeof keyid !== 'string') throw new InvalidSignatureError('the keyid parameter is required');
  if (typeof created !== 'number' || !Number.isInteger(created)) throw new InvalidSignatureError('the created parameter is required');
  const nowSeconds = Math.floor(now / 1000);
  if (Math.abs(nowSeconds - created) > MAX_CLOCK_SKEW_SECONDS)
    throw new InvalidSignatureError('created is more than 5 minutes from the server time');
  if (expires !== undefined && (typeof expires !== 'number' || nowSeconds > expires))
    throw new InvalidSignatureError('the signature has expired');

  const key = await lookup(keyid);
  if (!key) throw new InvalidSignatureError('keyid does not name a signing key registered to this supervisor');
  if (alg !== undefined && alg !== key.alg) throw new InvalidSignatureError(`alg "${String(alg)}" does not match the key (${key.alg})`);

  const digestField = header(request, 'content-digest')!;
  let digestOk: boolean;
  try {
    digestOk = contentDigestMatches(digestField, request.rawBody);
  } catch {
    digestOk = false;
  }
  if (!digestOk) throw new InvalidSignatureError('Content-Digest does not match the body received (sha-256 or sha-512)');

  let base: string;
  try {
    base = signatureBase({ method: request.method, targetUri: request.targetUri, headers: request.headers }, components, input.raw);
  } catch (error) {
    if (error instanceof SignatureBaseError) throw new InvalidSignatureError(error.message);
    throw error;
  }
  if (!verifySignature(key.alg, publicKeyOf(key.publicJwk), Buffer.from(base, 'utf8'), signature)) {
    throw new InvalidSignatureError('the signature does not verify');
  }
  return {
    keyid,
    alg: key.alg,
    public_jwk: key.publicJwk,
    signature_input: `${label}=${input.raw}`,
    signature: `${label}=:${signature.toString('base64')}:`,
    signature_base: base,
    content_digest: digestField,
    body: request.rawBody.toString('utf8'),
  };
}

function header(request: SignedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
