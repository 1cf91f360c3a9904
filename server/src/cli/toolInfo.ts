/** Name, version and home of the tool, for --version, the json format and SARIF's tool.driver. */
import { PACKAGE_NAME, installedPackage } from '../node/installedPackage';

export interface ToolInfo {
  name: string;
  version: string;
  informationUri: string;
}

const HOME = 'https://github.com/usercube-jobs/usercube-jobs';

/** The version comes from the package's own package.json. */
export function toolInfo(): ToolInfo {
  return { name: PACKAGE_NAME, version: installedPackage()?.version ?? '0.0.0', informationUri: HOME };
}
