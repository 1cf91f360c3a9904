/**
 * The junit format: JUnit XML, as Azure DevOps (Publish Test Results) and GitLab (test reports)
 * import it. Each checked file is one test case, in a test suite of its own (so that a suite's
 * counts are known when it is written, file by file); each finding is one <failure> of it, its
 * type the rule id and its message `line:column severity message`:
 *
 *   <testsuites name="usercube-jobs check">
 *     <testsuite name="Conf/AD/AD Jobs.xml" tests="1" failures="1" errors="0" skipped="0">
 *       <testcase classname="usercube-jobs" name="Conf/AD/AD Jobs.xml" file="Conf/AD/AD Jobs.xml">
 *         <failure type="reference/unresolved" message="4:113 error Connection 'X': …">Conf/AD/AD Jobs.xml:4:113: error reference/unresolved Connection 'X': …</failure>
 *
 * A file without findings passes; an XML file that is not a configuration file, and is not
 * reported as one that should be, is skipped; a file that cannot be read is an <error>. Every finding fails its file, whatever its severity: the
 * exit code, not the test results, decides whether the run fails.
 */
import { CheckedFile, InputProblem } from './report';
import { ReportWriter } from './reportWriter';

const CLASSNAME = 'usercube-jobs';

/** Characters XML 1.0 cannot hold even escaped (controls, lone surrogates): shown as U+FFFD. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value in double quotes; line breaks and tabs as references, which parsers keep. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([k, v]) => ` ${k}="${escapeXmlAttribute(String(v))}"`)
    .join('');
}

/** One file's suite: its single test case with what `body` puts inside it. */
function suite(path: string, counts: { failures: number; errors: number; skipped: number }, body: string[]): string[] {
  const open = `    <testcase${attributes({ classname: CLASSNAME, name: path, file: path })}`;
  return [
    `  <testsuite${attributes({ name: path, tests: 1, ...counts })}>`,
    ...(body.length === 0 ? [`${open} />`] : [`${open}>`, ...body.map((l) => `      ${l}`), '    </testcase>']),
    '  </testsuite>',
  ];
}

function checkedFile(f: CheckedFile): string[] {
  // Not configuration and nothing to say: skipped. One that should have been (file/root,
  // file/namespace) has findings, and fails like any other.
  if (!f.configuration && f.diagnostics.length === 0) {
    return suite(f.path, { failures: 0, errors: 0, skipped: 1 }, [
      `<skipped${attributes({ message: 'not a Usercube configuration file (its root is not <ConfigurationFile>)' })} />`,
    ]);
  }
  const failures = f.diagnostics.map(
    (d) =>
      `<failure${attributes({ type: d.rule, message: `${d.line}:${d.column} ${d.severity} ${d.message}` })}>` +
      `${escapeXmlText(`${f.path}:${d.line}:${d.column}: ${d.severity} ${d.rule} ${d.message}`)}</failure>`,
  );
  return suite(f.path, { failures: failures.length, errors: 0, skipped: 0 }, failures);
}

function unreadableFile(u: InputProblem): string[] {
  return suite(u.path, { failures: 0, errors: 1, skipped: 0 }, [`<error${attributes({ type: 'unreadable', message: u.message })} />`]);
}

export function junitWriter(): ReportWriter {
  return {
    start: () => ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attributes({ name: 'usercube-jobs check' })}>`],
    file: checkedFile,
    end: ({ unreadable }) => [...unreadable.flatMap(unreadableFile), '</testsuites>'],
  };
}
