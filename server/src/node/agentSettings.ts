/**
 * The agent's job settings from an `appsettings.json` or `appsettings.agent.json` of the
 * workspace: `Jobs.MaxTaskBatchSize` (the agent's appsettings page; default 5). The files are
 * .NET settings: JSON that may hold comments, and a number that may be written as a string.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { AgentSettings, DEFAULT_AGENT_SETTINGS } from '../index/workspaceIndex';
import { listFiles } from './workspaceFiles';

const NAMES = new Set(['appsettings.json', 'appsettings.agent.json']);
/** Settings files are small; anything larger is not one. */
const MAX_BYTES = 1024 * 1024;

export function isAgentSettingsFile(name: string): boolean {
  return NAMES.has(path.basename(name).toLowerCase());
}

/** JSON without its line and block comments (outside strings) and trailing commas. */
function withoutComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else out += c;
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

/** `Jobs.MaxTaskBatchSize` of one settings text: a whole number of 1 or more, or undefined. */
export function maxTaskBatchSize(text: string): number | undefined {
  let settings: unknown;
  try {
    settings = JSON.parse(withoutComments(text.replace(/^\uFEFF/, '')));
  } catch {
    return undefined;
  }
  const jobs = (settings as { Jobs?: { MaxTaskBatchSize?: unknown } } | null)?.Jobs;
  const value = jobs?.MaxTaskBatchSize;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

/**
 * The first settings file below the roots (in path order) that sets MaxTaskBatchSize; the
 * default otherwise. `shown` turns a path into the words a message uses for it.
 */
export async function readAgentSettings(roots: readonly string[], shown: (file: string) => string): Promise<AgentSettings> {
  for (const root of roots) {
    const settings = await agentSettingsIn(await listFiles(root, isAgentSettingsFile), shown);
    if (settings !== DEFAULT_AGENT_SETTINGS) return settings;
  }
  return DEFAULT_AGENT_SETTINGS;
}

/** The same from settings files already listed (isAgentSettingsFile), in path order. */
export async function agentSettingsIn(files: readonly string[], shown: (file: string) => string): Promise<AgentSettings> {
  for (const file of files) {
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat?.isFile() || stat.size > MAX_BYTES) continue;
    const size = maxTaskBatchSize(await fs.readFile(file, 'utf8').catch(() => ''));
    if (size !== undefined) return { maxTaskBatchSize: size, source: shown(file) };
  }
  return DEFAULT_AGENT_SETTINGS;
}
