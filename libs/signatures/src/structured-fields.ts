/**
 * Just enough of RFC 8941 (Structured Field Values) to read RFC 9421 signature fields and RFC 9530
 * digest fields: dictionaries whose members are items or inner lists, with parameters. Each member
 * keeps its exact source text, which RFC 9421 signs as `@signature-params`.
 */
export type BareItem = string | number | boolean | Buffer | Token;

export class Token {
  constructor(readonly value: string) {}
}

export type Parameters = Map<string, BareItem>;

export interface Item {
  value: BareItem;
  params: Parameters;
}

export interface DictionaryMember {
  /** An item, or an inner list of items. */
  value: BareItem | Item[];
  params: Parameters;
  /** The member's value exactly as it appeared in the field (after `key=`). */
  raw: string;
}

export class StructuredFieldError extends Error {}

class Parser {
  private position = 0;

  constructor(private readonly input: string) {}

  dictionary(): Map<string, DictionaryMember> {
    const members = new Map<string, DictionaryMember>();
    this.skip(' ');
    if (this.done()) return members;
    for (;;) {
      const key = this.key();
      const start = this.position + 1;
      let member: DictionaryMember;
      if (this.peek() === '=') {
        this.position += 1;
        const value = this.peek() === '(' ? this.innerList() : this.bareItem();
        const params = this.parameters();
        member = { value, params, raw: this.input.slice(start, this.position) };
      } else {
        member = { value: true, params: this.parameters(), raw: '' };
      }
      members.set(key, member);
      this.skip(' \t');
      if (this.done()) return members;
      this.expect(',');
      this.skip(' \t');
      if (this.done()) throw new StructuredFieldError('trailing comma');
    }
  }

  private innerList(): Item[] {
    this.expect('(');
    const items: Item[] = [];
    for (;;) {
      this.skip(' ');
      if (this.peek() === ')') {
        this.position += 1;
        return items;
      }
      items.push({ value: this.bareItem(), params: this.parameters() });
      const next = this.peek();
      if (next !== ' ' && next !== ')') throw new StructuredFieldError('malformed inner list');
    }
  }

  private parameters(): Parameters {
    const params: Parameters = new Map();
    while (this.peek() === ';') {
      this.position += 1;
      this.skip(' ');
      const key = this.key();
      let value: BareItem = true;
      if (this.peek() === '=') {
        this.position += 1;
        value = this.bareItem();
      }
      params.set(key, value);
    }
    return params;
  }

  private key(): string {
    const match = /^[a-z*][a-z0-9_\-.*]*/.exec(this.input.slice(this.position));
    if (!match) throw new StructuredFieldError('malformed key');
    this.position += match[0].length;
    return match[0];
  }

  private bareItem(): BareItem {
    const char = this.peek();
    const rest = this.input.slice(this.position);
    if (char === '"') return this.string();
    if (char === ':') {
      const match = /^:([A-Za-z0-9+/=]*):/.exec(rest);
      if (!match) throw new StructuredFieldError('malformed byte sequence');
      this.position += match[0].length;
      return Buffer.from(match[1], 'base64');
    }
    if (char === '?') {
      const match = /^\?([01])/.exec(rest);
      if (!match) throw new StructuredFieldError('malformed boolean');
      this.position += 2;
      return match[1] === '1';
    }
    const number = /^-?\d{1,15}(\.\d{1,3})?/.exec(rest);
    if (number) {
      this.position += number[0].length;
      return Number(number[0]);
    }
    const token = /^[A-Za-z*][A-Za-z0-9:/!#$%&'*+\-.^_`|~]*/.exec(rest);
    if (token) {
      this.position += token[0].length;
      return new Token(token[0]);
    }
    throw new StructuredFieldError('malformed item');
  }

  private string(): string {
    this.expect('"');
    let out = '';
    for (;;) {
      const char = this.input[this.position++];
      if (char === undefined) throw new StructuredFieldError('unterminated string');
      if (char === '"') return out;
      if (char === '\\') {
        const escaped = this.input[this.position++];
        if (escaped !== '"' && escaped !== '\\') throw new StructuredFieldError('bad escape');
        out += escaped;
      } else if (char < ' ' || char > '~') {
        throw new StructuredFieldError('invalid character in string');
      } else {
        out += char;
      }
    }
  }

  private peek(): string | undefined {
    return this.input[this.position];
  }

  private done(): boolean {
    return this.position >= this.input.length;
  }

  private skip(chars: string): void {
    while (!this.done() && chars.includes(this.input[this.position])) this.position += 1;
  }

  private expect(char: string): void {
    if (this.input[this.position] !== char) throw new StructuredFieldError(`expected ${char}`);
    this.position += 1;
  }
}

export function parseDictionary(field: string): Map<string, DictionaryMember> {
  return new Parser(field.trim()).dictionary();
}

/** RFC 8941 §4.1.6 string serialization. */
export function serializeString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** RFC 8941 serialization of parameters (`;key=value`, booleans true as `;key`). */
export function serializeParameters(params: Parameters): string {
  let out = '';
  for (const [key, value] of params) {
    if (value === true) out += `;${key}`;
    else if (typeof value === 'string') out += `;${key}=${serializeString(value)}`;
    else if (typeof value === 'number') out += `;${key}=${value}`;
    else if (value === false) out += `;${key}=?0`;
    else if (value instanceof Token) out += `;${key}=${value.value}`;
    else out += `;${key}=:${value.toString('base64')}:`;
  }
  return out;
}
