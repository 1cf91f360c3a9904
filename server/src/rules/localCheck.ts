/**
 * What can be checked in a configuration file without the rest of the workspace: what the
 * element and tree rules find, and whether the text keeps to the plain subset a strict parser accepts
 * (then the strict check has nothing to find, model/plainXml.ts). The command line's index
 * workers find it while they hold each text, from the element tree of the walk that builds the
 * file's entry; the check of the file then needs neither the tree nor those rules again.
 */
import { mayBeMalformed } from '../model/plainXml';
import { XmlTree } from '../model/xmlTree';
import { elementSchemasOf } from './ruleContext';
import { LocalFinding, localFindings } from './validation';

export interface LocalCheck {
  plain: boolean;
  findings: LocalFinding[];
}

export function checkLocally(text: string, tree: XmlTree): LocalCheck {
  return { plain: !mayBeMalformed(text), findings: localFindings(elementSchemasOf(tree, false), false) };
}
