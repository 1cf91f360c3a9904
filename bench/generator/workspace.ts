/**
 * The deterministic generator: a seed and a size give byte-identical configuration folders
 * under bench/.data/, plus a manifest of where the bench's probes point (cursor positions and
 * the answers expected). Generated once and reused while the generator version is unchanged.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { agentXml, directoryXml, sharedTasksXml } from './commonFiles';
import { Pos, positionAt, valueOffset } from './positions';
import { Random } from './random';
import { completeJobTaskIds, jobsXml } from './jobs';
import { SHARED, SystemSpec, connectorsXml, planSystem, taskIds, tasksXml } from './system';
import { FAMILIES, LAST_FAMILY, SITES } from './vocabulary';

/** Bump when the output changes, so that cached configurations are regenerated. */
const GENERATOR_VERSION = 5;
export const MB = 1024 * 1024;

type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'windows-1252-undeclared';

/** A position in the edited file (`editFile`), where the bench sends a request. */
export interface Probe {
  position: Pos;
}

export interface Manifest {
  generatorVersion: number;
  seed: number;
  sizeMB: number;
  totalBytes: number;
  fileCount: number;
  filesByEncoding: Record<Encoding, number>;
  fileBytes: { min: number; median: number; max: number; over500KB: number };
  systems: number;
  connectors: number;
  tasks: number;
  jobs: number;
  steps: number;
  parentTaskReferences: number;
  /** The open document edited by the latency probe, and a second open document. */
  editFile: string;
  editFileBytes: number;
  otherOpenFile: string;
  /** A DisplayName_L1 value of the edited file: start and length (same-length edits). */
  edit: { position: Pos; original: string };
  /** A Step in the edited file naming a task declared in the last file of the walk. */
  definition: Probe & { expected: { file: string; start: Pos; end: Pos } };
  /** Start of a ParentTask value in the edited file. */
  completion: Probe;
  /** A Step naming the most used shared task; the expected count includes its declaration. */
  references: Probe & { expectedCount: number; id: string };
  workspaceSymbolQueries: string[];
}

export function workspaceDir(dataDir: string, sizeMB: number, seed: number): string {
  return path.join(dataDir, `ws-${sizeMB}mb-seed${seed}`);
}

/** The configuration of that size and seed, generated if missing or stale. */
export function ensureWorkspace(dataDir: string, sizeMB: number, seed: number, log: (s: string) => void): { root: string; manifest: Manifest } {
  const root = workspaceDir(dataDir, sizeMB, seed);
  const manifestFile = path.join(root, 'manifest.json');
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    if (manifest.generatorVersion === GENERATOR_VERSION) return { root, manifest };
  }
  log(`generating ${sizeMB} MB configuration (seed ${seed}) in ${path.relative(process.cwd(), root)} …`);
  rmSync(root, { recursive: true, force: true });
  const manifest = generate(root, sizeMB, seed);
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  return { root, manifest };
}

function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    default:
      // Every generated character is Latin-1, where Windows-1252 and ISO-8859-1 agree.
      return Buffer.from(text, 'latin1');
  }
}

const DECLARED: Record<Encoding, string> = { 'utf-8': 'utf-8', 'utf-8-bom': 'utf-8', 'windows-1252': 'windows-1252', 'windows-1252-undeclared': '' };

function declared(text: string, encoding: Encoding): string {
  return encoding === 'windows-1252-undeclared' ? text.replace(' encoding=""', '') : text;
}

export function generate(root: string, sizeMB: number, seed: number): Manifest {
  const rnd = new Random(seed * 1000003 + sizeMB);
  const target = sizeMB * MB;
  const sizes: number[] = [];
  const filesByEncoding: Record<Encoding, number> = { 'utf-8': 0, 'utf-8-bom': 0, 'windows-1252': 0, 'windows-1252-undeclared': 0 };
  let totalBytes = 0;
  let steps = 0;
  let parents = 0;
  let tasks = 0;
  let jobs = 0;
  /** Attribute values naming the shared task: its declaration and every reference. */
  let computeAllSteps = 0;

  const write = (rel: string, text: string, encoding: Encoding = 'utf-8'): string => {
    const full = path.join(root, ...rel.split('/'));
    mkdirSync(path.dirname(full), { recursive: true });
    const bytes = encode(text, encoding);
    writeFileSync(full, bytes);
    sizes.push(bytes.length);
    totalBytes += bytes.length;
    filesByEncoding[encoding]++;
    steps += count(text, '<Step ');
    parents += count(text, 'ParentTask="');
    tasks += count(text, 'Task Identifier="');
    jobs += count(text, '<Job ');
    computeAllSteps += count(text, `="${SHARED.computeAllProperties}"`);
    return text;
  };

  write('Conf/Agent.xml', agentXml());
  write('Conf/Directory/Directory Connector.xml', directoryXml());

  const writeSystem = (sys: SystemSpec, index: number) => {
    const dir = `Conf/${sys.folder}/${sys.folder}`;
    const tasksEncoding: Encoding = index % 19 === 3 ? 'windows-1252' : index % 53 === 11 ? 'windows-1252-undeclared' : 'utf-8';
    const connectorsEncoding: Encoding = index % 10 === 6 ? 'utf-8-bom' : 'utf-8';
    const windows = tasksEncoding !== 'utf-8';
    const texts = {
      connectors: write(`${dir} Connectors.xml`, connectorsXml(sys, 'utf-8', '\n'), connectorsEncoding),
      jobs: write(`${dir} Jobs.xml`, jobsXml(sys, rnd, 'utf-8', '\n')),
      tasks: write(`${dir} Tasks.xml`, declared(tasksXml(sys, rnd, DECLARED[tasksEncoding], windows ? '\r\n' : '\n'), tasksEncoding), tasksEncoding),
    };
    return { dir, texts };
  };

  // Systems until the size is reached; the shared tasks and the last system come after.
  const systems: SystemSpec[] = [];
  const reserve = 120 * 1024;
  for (let i = 1; totalBytes + reserve + systems.length * 2600 < target; i++) {
    const family = FAMILIES[(i - 1) % FAMILIES.length];
    const big = i % 37 === 20;
    const sys = planSystem(rnd, family, i, rnd.int(4, 8), () => (big ? rnd.int(500, 800) : rnd.int(30, 100)), SITES);
    systems.push(sys);
    writeSystem(sys, i);
  }
  // The last folder of the walk: its Jobs file is the document the bench edits, and its Tasks
  // file, the very last file read, declares what the edited file's Steps name.
  const last = planSystem(rnd, LAST_FAMILY, systems.length + 1, 4, () => 40, SITES);
  systems.push(last);
  const probe = writeSystem(last, 0);
  write('Conf/Shared Tasks.xml', sharedTasksXml(systems));

  const jobsText = probe.texts.jobs;
  const first = last.connectors[0];
  const declaredTask = taskIds(first).computeRoleModel;
  const tasksText = probe.texts.tasks;
  const idStart = valueOffset(tasksText, 'Identifier', declaredTask);
  const stepAt = valueOffset(jobsText, 'Step Identifier', declaredTask) + 2;
  const provisioning = completeJobTaskIds(first).provisioning;
  const provisioningTag = jobsText.indexOf(`Identifier="${provisioning}"`);
  const editAt = jobsText.indexOf('DisplayName_L1="', provisioningTag) + 'DisplayName_L1="'.length;
  const editValue = jobsText.slice(editAt, jobsText.indexOf('"', editAt));
  const sorted = [...sizes].sort((a, b) => a - b);

  return {
    generatorVersion: GENERATOR_VERSION,
    seed,
    sizeMB,
    totalBytes,
    fileCount: sizes.length,
    filesByEncoding,
    fileBytes: { min: sorted[0], median: sorted[sorted.length >> 1], max: sorted[sorted.length - 1], over500KB: sizes.filter((s) => s > 500 * 1024).length },
    systems: systems.length,
    connectors: systems.reduce((n, s) => n + s.connectors.length, 0),
    tasks,
    jobs,
    steps,
    parentTaskReferences: parents,
    editFile: `${probe.dir} Jobs.xml`,
    editFileBytes: Buffer.byteLength(jobsText),
    otherOpenFile: `${probe.dir} Connectors.xml`,
    edit: { position: positionAt(jobsText, editAt), original: editValue },
    definition: {
      position: positionAt(jobsText, stepAt),
      expected: { file: `${probe.dir} Tasks.xml`, start: positionAt(tasksText, idStart), end: positionAt(tasksText, idStart + declaredTask.length) },
    },
    completion: { position: positionAt(jobsText, valueOffset(jobsText, 'ParentTask', completeJobTaskIds(first).prepare)) },
    references: {
      position: positionAt(jobsText, valueOffset(jobsText, 'Step Identifier', SHARED.computeAllProperties) + 3),
      id: SHARED.computeAllProperties,
      expectedCount: computeAllSteps,
    },
    workspaceSymbolQueries: ['Fulfill', declaredTask, 'ntfinc', 'qqzz'],
  };
}

function count(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}
