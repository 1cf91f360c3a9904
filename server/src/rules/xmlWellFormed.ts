import { Rule, fileRule } from './rule';

export const xmlWellFormed: Rule = fileRule({
  id: 'xml/well-formed',
  severity: 'error',
  source: 'XML 1.0; the File Hierarchy page of the toolkit',
  explanation:
    'The file is not well-formed XML: an unclosed tag or quote, a stray end tag, an undefined entity, a second element after the root… ' +
    'Identity Manager refuses to deploy such a file. Elements before and after the fault are still indexed.',
  check(ctx, report) {
    for (const e of ctx.entry.syntaxErrors) report(e);
    // The tolerant scanner reports structural faults; a strict parser adds the rest.
    if (ctx.strictXml && ctx.entry.syntaxErrors.length === 0) {
      const strict = ctx.strictError();
      if (strict) report(strict);
    }
  },
});
