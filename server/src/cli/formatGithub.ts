/**
 * The github format: GitHub Actions workflow commands, which the runner turns into annotations on
 * the files of the run and of a pull request:
 *
 *   ::error file=Conf/AD/AD Jobs.xml,line=4,col=113,endLine=4,endColumn=128,title=reference/unresolved::Connection 'X': …
 *
 * error → error, warning → warning, info → notice. Paths are relative to the working directory
 * (the workspace, in a workflow). Lines and columns are 1-based; `endColumn` is the last column of
 * the range (GitHub takes `col` alone as one character), and columns are written only for a range
 * on one line (the runner drops them otherwise). Files that cannot be read get an annotation
 * without a line. The summary line closes the output, as in the text format.
 */
import { SeverityName } from './report';
import { summaryLines } from './formatText';
import { ReportContext, ReportWriter } from './reportWriter';

const COMMAND: Record<SeverityName, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** The message after `::`: `%`, CR and LF would end or change the command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `,` (between properties) and `:` (where the message starts). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, properties: [string, string | number][], message: string): string {
  return `::${name} ${properties.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',')}::${escapeData(message)}`;
}

export function githubWriter(context: ReportContext): ReportWriter {
  return {
    start: () => [],
    file: (f) =>
      f.diagnostics.map((d) => {
        const position: [string, number][] =
          d.line === d.endLine
            ? [
                ['line', d.line],
                ['col', d.column],
                ['endLine', d.endLine],
                ['endColumn', Math.max(d.column, d.endColumn - 1)],
              ]
            : [
                ['line', d.line],
                ['endLine', d.endLine],
              ];
        return command(COMMAND[d.severity], [['file', f.path], ...position, ['title', d.rule]], d.message);
      }),
    end: ({ unreadable, summary }) => [
      ...unreadable.map((u) =>
        command(
          'error',
          [
            ['file', u.path],
            ['title', 'unreadable file'],
          ],
          `${u.path}: ${u.message}`,
        ),
      ),
      ...summaryLines(summary, context.fix),
    ],
  };
}
