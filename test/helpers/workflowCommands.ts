/** GitHub Actions workflow commands (`::error file=…,line=…::message`) read back as the runner reads them. */

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));

/** The command of one output line, or undefined for a plain log line. */
export function parseWorkflowCommand(line: string): WorkflowCommand | undefined {
  const m = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/s.exec(line);
  if (!m) return undefined;
  const properties: Record<string, string> = {};
  for (const pair of m[2] ? m[2].split(',') : []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`'${pair}' is not key=value in: ${line}`);
    properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
  }
  return { command: m[1], properties, message: unescapeData(m[3]) };
}
