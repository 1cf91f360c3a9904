/**
 * What can be checked in a configuration file without the rest of the workspace: what the
 * element and tree rules find, and whether the text keeps to the plain subset a strict parser accepts
 * (then the strict check has nothing to find, model/plainXml.ts). The command line finds it in
 * worker threads, from an element tree of the text: the check of the file on the main thread
 * then needs neither the tree nor those rules again.
 */
import type { FileEntry } from '../index/fileEntry';
import { mayBeMalformed } from '../model/plainXml';
import { XmlTree } from '../model/xmlTree';
import { hasLostAccent } from './encodingRules';
import { elementSchemasOf } from './ruleContext';
import { mayHaveSuppressions } from './suppressions';
import { LocalFinding, localFindings } from './validation';

export interface LocalCheck {
  plain: boolean;
  findings: LocalFinding[];
}

export function checkLocally(text: string, tree: XmlTree): LocalCheck {
  return { plain: !mayBeMalformed(text), findings: findingsOf(tree) };
}

/** What the element and tree rules find in a tree built for this check alone. */
function findingsOf(tree: XmlTree): LocalFinding[] {
  return localFindings(elementSchemasOf(tree, false), false);
}

/**
 * The local check of a configuration file whose check needs nothing else of its text, or
 * undefined. The rules that read the text or the tree beside the index (file rules) look at
 * the file's own tasks and jobs (and at the jobs that run those tasks), at syntax the strict
 * parser must see, at lost accents and at suppression comments: a file with none of these is
 * checked from its entry, the index and this (the command line's first pass then checks it
 * whole, and its check pass does not read it again). Cheapest tests first: most files that
 * hold tasks are told apart without a look at their text.
 */
export function checkLocallyIfEnough(text: string, tree: XmlTree, entry: FileEntry): LocalCheck | undefined {
  if (entry.tasks.length > 0 || entry.jobs.length > 0 || entry.syntaxErrors.length > 0) return undefined;
  if (hasLostAccent(text) || mayHaveSuppressions(text) || mayBeMalformed(text)) return undefined;
  return { plain: true, findings: findingsOf(tree) };
}
