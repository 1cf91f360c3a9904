/**
 * Strict XML well-formedness, by sax. The tolerant tokenizer already reports structural
 * faults (unclosed tags and quotes, stray end tags) at their place; sax adds what a strict
 * parser knows beyond that (undefined entities, text after the root, invalid characters…).
 * Like any XML parser it stops at the first fatal error, so it reports one. sax runs only on
 * texts that a cheap pre-check cannot clear (plainXml.ts): most files are cleared in a fraction
 * of a strict parse.
 */
import * as sax from 'sax';
import { mayBeMalformed } from './plainXml';
import { SyntaxError } from './xmlScanner';

export function firstWellFormednessError(text: string): SyntaxError | undefined {
  return mayBeMalformed(text) ? strictParserError(text) : undefined;
}

/** What sax says of the whole text, without the pre-check. */
export function strictParserError(text: string): SyntaxError | undefined {
  const parser = sax.parser(true, { position: true, strictEntities: true } as sax.SAXOptions);
  let found: SyntaxError | undefined;
  parser.onerror = (e: Error) => {
    if (!found) {
      const at = Math.max(0, Math.min(text.length, (parser as unknown as { position: number }).position - 1));
      const message = e.message.split('\n')[0];
      found = { start: at, end: Math.min(text.length, at + 1), message: `XML is not well-formed: ${message}.` };
    }
    // Stop parsing: later errors are consequences of the first.
    parser.onerror = () => undefined;
    parser.resume();
  };
  // sax accepts an element after the root has ended (<a/><b/>): XML allows one root only.
  parser.onopentag = (tag: sax.Tag | sax.QualifiedTag) => {
    const state = parser as unknown as { closedRoot: boolean; startTagPosition: number };
    if (found || !state.closedRoot) return;
    const start = Math.min(text.length, state.startTagPosition); // just after its '<'
    found = {
      start,
      end: Math.min(text.length, start + tag.name.length),
      message: `XML is not well-formed: <${tag.name}> after the end of the root element (a file has one root).`,
    };
  };
  try {
    parser.write(text).close();
  } catch {
    // sax may still throw on some inputs after resume(); the first error is what we report.
  }
  return found;
}
