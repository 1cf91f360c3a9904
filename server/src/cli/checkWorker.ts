/**
 * An index worker of the command line: besides the file's entry, it builds the element tree in
 * the same walk and runs the checks that need no index on it (rules/localCheck.ts), so that the
 * check pass on the main thread reads neither the tree nor those rules again. The command line
 * bundle is its own workers' script (main.ts).
 */
import { buildFileEntryAndTree } from '../index/fileEntry';
import { checkLocally } from '../rules/localCheck';
import { serveIndexRequests } from '../node/indexWorkerLoop';

serveIndexRequests((uri, text, encoding) => {
  const { entry, tree } = buildFileEntryAndTree(uri, text, encoding);
  return { entry, local: tree && entry.status === 'configuration' ? checkLocally(text, tree) : undefined };
});
