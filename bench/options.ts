/** Command-line options of `npm run bench -- …`. */
import * as path from 'node:path';
import { SERVER_BUNDLE } from './paths';
import { ALL_SCENARIOS, Scenario } from './measure/session';
import { ALL_SHAPES, Shape } from './generator/shapes';

export interface BenchOptions {
  sizes: number[];
  /** Runs per size; undefined = the default for that size. */
  runs?: number;
  seed: number;
  edits: number;
  warmupEdits: number;
  debounceSamples: number;
  requests: number;
  server: string;
  /** Extra Node options for the server process, e.g. --max-semi-space-size=64. */
  serverNodeArgs: string[];
  /** The Node binary that runs the server (default: the one running the bench). */
  serverNode: string;
  probe: boolean;
  profile: boolean;
  scenarios: Set<Scenario>;
  shapes: Shape[];
  /** Run `usercube-jobs check` on the bench and findings shapes too. */
  cli: boolean;
  generateOnly: boolean;
}

export const USAGE = `npm run bench -- [options]
  --sizes 1,10,100     configuration sizes in MB (default: all three)
  --runs N             server runs per size (default: 5 for 1 and 10 MB, 3 for 100 MB)
  --seed N             generator seed (default 42)
  --edits N            measured edits per run (default 200, after 20 warm-up edits)
  --requests N         completion / references / symbol requests per run (default 50)
  --debounce N         debounce samples per run (default 5)
  --scenarios a,b      among edit,completion,references,symbols, or none for the cold index only (default: all;
                       the nested shape runs completion only, the findings shape the cold index only)
  --shapes a,b         among bench (the generated configuration), nested (the same in small files, two and
                       three folders down), findings (the same with mistakes that break many rules) (default: all)
  --no-cli             do not run \`usercube-jobs check\` (run by default on the bench and findings shapes)
  --server FILE        server bundle to measure (default dist/server.js)
  --server-node-args "…"  Node options for the server process, after those the VS Code client gives
                       (server/src/protocol/serverProcess.ts) (e.g. "--max-semi-space-size=64")
  --server-node FILE   the Node binary that runs the server (default: the bench's own)
  --no-probe           do not preload the timing probe into the server (client figures only)
  --profile            CPU-profile the server's first run per size, one profile per phase
                       (cold, edit, completion, references, symbols) in bench/.data/profiles/<size>mb-<shape>/;
                       summarize with: node out/bench/profileSummary.js <file.cpuprofile>
  --generate-only      only generate the configurations`;

export function defaultRuns(sizeMB: number): number {
  return sizeMB >= 100 ? 3 : 5;
}

export function parseOptions(argv: string[]): BenchOptions {
  const o: BenchOptions = {
    sizes: [1, 10, 100],
    seed: 42,
    edits: 200,
    warmupEdits: 20,
    debounceSamples: 5,
    requests: 50,
    server: SERVER_BUNDLE,
    serverNodeArgs: [],
    serverNode: process.execPath,
    probe: true,
    profile: false,
    scenarios: new Set(ALL_SCENARIOS),
    shapes: [...ALL_SHAPES],
    cli: true,
    generateOnly: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value\n${USAGE}`);
      return v;
    };
    const int = (): number => {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 0) throw new Error(`${a}: expected a whole number\n${USAGE}`);
      return v;
    };
    const name = a.split('=')[0];
    switch (name) {
      case '--sizes':
        o.sizes = value()
          .split(',')
          .map((s) => Number(s.trim().replace(/mb$/i, '')));
        if (o.sizes.some((s) => !(s > 0))) throw new Error(`--sizes: expected sizes in MB like 1,10,100\n${USAGE}`);
        break;
      case '--runs':
        o.runs = Math.max(1, int());
        break;
      case '--seed':
        o.seed = int();
        break;
      case '--edits':
        o.edits = Math.max(1, int());
        break;
      case '--requests':
        o.requests = Math.max(1, int());
        break;
      case '--debounce':
        o.debounceSamples = int();
        break;
      case '--server':
        o.server = path.resolve(value());
        break;
      case '--server-node-args':
        o.serverNodeArgs = value().split(/\s+/).filter(Boolean);
        break;
      case '--server-node':
        o.serverNode = path.resolve(value());
        break;
      case '--no-probe':
        o.probe = false;
        break;
      case '--profile':
        o.profile = true;
        break;
      case '--generate-only':
        o.generateOnly = true;
        break;
      case '--no-cli':
        o.cli = false;
        break;
      case '--shapes': {
        const list = value()
          .split(',')
          .map((s) => s.trim()) as Shape[];
        for (const s of list) if (!ALL_SHAPES.includes(s)) throw new Error(`--shapes: unknown '${s}'\n${USAGE}`);
        o.shapes = list;
        break;
      }
      case '--scenarios': {
        const v = value();
        const list = (v === 'none' ? [] : v.split(',').map((s) => s.trim())) as Scenario[];
        for (const s of list) if (!ALL_SCENARIOS.includes(s)) throw new Error(`--scenarios: unknown '${s}'\n${USAGE}`);
        o.scenarios = new Set(list);
        break;
      }
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
      // falls through
      default:
        throw new Error(`unknown option ${a}\n${USAGE}`);
    }
  }
  return o;
}
