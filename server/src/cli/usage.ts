/** The help text of `usercube-jobs`: every option is listed here. */
export const USAGE = `Usage: usercube-jobs check [options] <folder|file>...
       usercube-jobs steps <folder|file>... [--job <Identifier>] [--format text|json|mermaid]

Checks the Identity Manager (Usercube) XML configuration in each folder (all *.xml files
below it) or file, and prints one line per problem:
  path:line:column: severity rule-id message

Options:
  --format <text|json|sarif|github|junit>
                              Output format (default: text). json: files, diagnostics and a
                              summary; sarif: SARIF 2.1.0 with rule metadata, for code scanning;
                              github: GitHub Actions annotations; junit: JUnit XML, one test
                              case per file, for Azure DevOps and GitLab test reports.
  --fix                       Apply the safe quick fixes in place (each file keeps its encoding,
                              BOM and line endings), then report the problems that remain.
  --fix-type <types>          With --fix: which fixes to apply: safe (default), suggestion (the
                              preferred suggestion of each problem: it changes what a job does),
                              or safe,suggestion. docs/rules.md says which fix is which.
  --rule <id>=<severity>      Set a rule's severity: off, info, warning or error. Repeatable;
                              wins over .usercube-jobs.json.
  --max-warnings <N>          Exit with 1 when there are more than N warnings.
  -h, --help                  Show this help.
  --version                   Show the version.

steps: what a job will run, as Usercube-Get-JobSteps lists it (Task : <id>, Order : <n>),
grouped by effective level: Level as written, then Jobs.MaxTaskBatchSize (from an
appsettings.json below the folder, default 5) splits crowded levels. json: the same with files
and lines; mermaid: a flowchart to paste in a Markdown page. Without --job: the jobs and their
sizes. An unknown job exits with 2 and names the nearest ones.

Severities: the nearest .usercube-jobs.json at or above each file (up to the folder named on
the command line) applies: {"rules": {"<rule-id>": "off"|"info"|"warning"|"error"}}.
Lines and columns are 1-based; columns count UTF-16 code units.

Exit code: 0 no error, 1 errors found (or more warnings than --max-warnings),
2 bad usage, unreadable input or an invalid .usercube-jobs.json.`;
