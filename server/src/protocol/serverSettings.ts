/**
 * The settings the server reads: the editor's `usercubeJobs` and `files` sections, and the
 * `.usercube-jobs.json` files of the workspace, which give each file its rule severities.
 */
import { URI } from 'vscode-uri';
import { Connection } from 'vscode-languageserver/node';
import { enabledGlobs } from '../node/globMatcher';
import { RuleSettingsResolver, parseRuleSettings } from '../node/projectSettings';
import { RuleSettings } from '../rules/validation';
import { WorkspaceFolders } from './workspaceFolders';

/** Settings under `usercubeJobs` (see package.json contributes.configuration). */
export interface Settings {
  exclude: string[];
  /** `usercubeJobs.rules`: severities by rule id, over the `.usercube-jobs.json` files. */
  rules: RuleSettings;
}

export class ServerSettings {
  /** Whether the client answers `workspace/configuration` (else every setting has its default). */
  hasConfigurationCapability = false;
  private editorRules: RuleSettings = {};
  /** Settings files found and read so far; replaced when one changes or the editor setting does. */
  private rules = this.newRuleResolver();

  constructor(
    private readonly connection: Connection,
    private readonly folders: WorkspaceFolders,
  ) {}

  private newRuleResolver(): RuleSettingsResolver {
    return new RuleSettingsResolver(this.editorRules, undefined, (p) => this.connection.console.warn(p));
  }

  /** The editor's settings; rule settings it gives that are not valid are logged and left out. */
  async read(): Promise<Settings> {
    if (!this.hasConfigurationCapability) return { exclude: [], rules: {} };
    const sections: unknown = await this.connection.workspace.getConfiguration([{ section: 'usercubeJobs' }, { section: 'files' }]);
    const [own, files] = sections as [{ exclude?: unknown; rules?: unknown } | null | undefined, { exclude?: unknown } | null | undefined];
    const rules = parseRuleSettings(own?.rules, 'usercubeJobs.rules');
    rules.problems.forEach((p) => this.connection.console.warn(p));
    return { exclude: [...enabledGlobs(own?.exclude), ...enabledGlobs(files?.exclude)], rules: rules.rules };
  }

  /** New editor rule settings; the settings files are read again, under them. */
  setEditorRules(rules: RuleSettings): void {
    this.editorRules = rules;
    this.forgetSettingsFiles();
  }

  /** A settings file changed: they are all read again when next needed. */
  forgetSettingsFiles(): void {
    this.rules = this.newRuleResolver();
  }

  /** The nearest `.usercube-jobs.json` (up to the workspace folder), then the editor setting over it. */
  ruleSettings(uri: string): RuleSettings {
    if (!uri.startsWith('file:')) return this.editorRules;
    const root = this.folders.folderOf(uri);
    return this.rules.forFile(URI.parse(uri).fsPath, root ? URI.parse(root).fsPath : undefined);
  }
}
