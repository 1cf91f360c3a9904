/** Name and version of the tool, for --version, the json format and SARIF's tool.driver. */
import { PACKAGE_NAME, installedPackage } from '../node/installedPackage';

export interface ToolInfo {
  name: string;
  version: string;
}

/**
 * The version comes from the package's own package.json. No home page: the package's
 * `repository` field is a placeholder (see the README), and SARIF's informationUri is optional.
 */
export function toolInfo(): ToolInfo {
  return { name: PACKAGE_NAME, version: installedPackage()?.version ?? '0.0.0' };
}
