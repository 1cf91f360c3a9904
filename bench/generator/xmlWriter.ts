/** Just enough XML writing for the generator: indented elements with escaped attribute values. */
import { CONFIGURATION_NAMESPACE } from '../../server/src/schema/schema';

export type Attrs = Record<string, string | number | boolean | undefined>;

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

export class XmlWriter {
  private readonly parts: string[] = [];

  constructor(private readonly eol = '\n') {}

  line(depth: number, text: string): this {
    this.parts.push('  '.repeat(depth) + text + this.eol);
    return this;
  }

  blank(): this {
    this.parts.push(this.eol);
    return this;
  }

  comment(depth: number, text: string): this {
    return this.line(depth, `<!-- ${text} -->`);
  }

  /** A self-closing element. */
  empty(depth: number, name: string, attrs: Attrs): this {
    return this.line(depth, `<${name}${attributes(attrs)} />`);
  }

  open(depth: number, name: string, attrs: Attrs): this {
    return this.line(depth, `<${name}${attributes(attrs)}>`);
  }

  close(depth: number, name: string): this {
    return this.line(depth, `</${name}>`);
  }

  /** An element whose children are written by `body` one level deeper; self-closing when it writes none. */
  element(depth: number, name: string, attrs: Attrs, body: (depth: number) => void): this {
    const mark = this.parts.length;
    this.open(depth, name, attrs);
    const before = this.parts.length;
    body(depth + 1);
    if (this.parts.length === before) {
      this.parts.length = mark;
      return this.empty(depth, name, attrs);
    }
    return this.close(depth, name);
  }

  toString(): string {
    return this.parts.join('');
  }
}

function attributes(attrs: Attrs): string {
  let out = '';
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) out += ` ${k}="${escape(String(v))}"`;
  return out;
}

/** A whole configuration file: declaration, root element with the namespace, `body` inside. */
export function configurationFile(encoding: string, eol: string, body: (w: XmlWriter) => void): string {
  const w = new XmlWriter(eol);
  w.line(0, `<?xml version="1.0" encoding="${encoding}"?>`);
  w.open(0, 'ConfigurationFile', { xmlns: CONFIGURATION_NAMESPACE });
  body(w);
  w.close(0, 'ConfigurationFile');
  return w.toString();
}
