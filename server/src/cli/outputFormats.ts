/** Each `--format` name and the writer that makes it. */
import { OutputFormat } from './arguments';
import { githubWriter } from './formatGithub';
import { jsonWriter } from './formatJson';
import { junitWriter } from './formatJunit';
import { sarifWriter } from './formatSarif';
import { textWriter } from './formatText';
import { ReportContext, ReportWriter } from './reportWriter';

const WRITERS: Record<OutputFormat, (context: ReportContext) => ReportWriter> = {
  text: textWriter,
  json: jsonWriter,
  sarif: sarifWriter,
  github: githubWriter,
  junit: junitWriter,
};

export function reportWriter(format: OutputFormat, context: ReportContext): ReportWriter {
  return WRITERS[format](context);
}
