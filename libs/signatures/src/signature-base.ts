import { Item, Parameters, serializeParameters, serializeString } from './structured-fields';

/** What RFC 9421 needs to know of a message to build a signature base. */
export interface SignedMessage {
  method?: string;
  /** The target URI as the client addressed it. */
  targetUri?: URL;
  /** Response status, for response signatures. */
  status?: number;
  /** Header fields by lower-case name; repeated fields as arrays. */
  headers: Record<string, string | string[] | undefined>;
}

export class SignatureBaseError extends Error {}

const DERIVED = new Set(['@method', '@target-uri', '@authority', '@scheme', '@request-target', '@path', '@query', '@status']);

/**
 * The signature base of RFC 9421 §2.5: one line per covered component, `"name";params: value`, then
 * the `@signature-params` line carrying the member of Signature-Input exactly as received.
 */
export function signatureBase(message: SignedMessage, components: Item[], signatureParams: string): string {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const component of components) {
    if (typeof component.value !== 'string') throw new SignatureBaseError('component identifiers must be strings');
    const name = component.value;
    const identifier = `${serializeString(name)}${serializeParameters(component.params)}`;
    if (seen.has(identifier)) throw new SignatureBaseError(`component ${identifier} is covered twice`);
    seen.add(identifier);
    if (component.params.size > 0) throw new SignatureBaseError(`component parameters are not supported (${identifier})`);
    const value = name.startsWith('@') ? derived(message, name) : field(message, name);
    lines.push(`${identifier}: ${value}`);
  }
  lines.push(`"@signature-params": ${signatureParams}`);
  return lines.join('\n');
}

function derived(message: SignedMessage, name: string): string {
  if (!DERIVED.has(name)) throw new SignatureBaseError(`unsupported derived component ${name}`);
  if (name === '@status') {
    if (message.status === undefined) throw new SignatureBaseError('@status is only defined for responses');
    return String(message.status);
  }
  if (name === '@method') {
    if (!message.method) throw new SignatureBaseError('@method is only defined for requests');
    return message.method;
  }
  const uri = message.targetUri;
  if (!uri) throw new SignatureBaseError(`${name} is only defined for requests`);
  switch (name) {
    case '@target-uri':
      return uri.href;
    case '@authority':
      return uri.host.toLowerCase();
    case '@scheme':
      return uri.protocol.slice(0, -1).toLowerCase();
    case '@request-target':
      return `${uri.pathname || '/'}${uri.search}`;
    case '@path':
      return uri.pathname || '/';
    default: // '@query'
      return uri.search || '?';
  }
}

function field(message: SignedMessage, name: string): string {
  if (name !== name.toLowerCase()) throw new SignatureBaseError(`field names must be lower case (${name})`);
  const value = message.headers[name];
  if (value === undefined) throw new SignatureBaseError(`the covered field ${name} is not in the message`);
  // RFC 9421 §2.1: each field line's value trimmed, multiple lines joined by ", ".
  return (Array.isArray(value) ? value : [value]).map((line) => line.trim()).join(', ');
}
