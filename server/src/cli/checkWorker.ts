/**
 * An index worker of the command line. In the first pass, besides the file's entry, it builds
 * the element tree in the same walk; a file whose check needs nothing more of its text
 * (rules/localCheck.ts checkLocallyIfEnough: most files without tasks or jobs) is checked
 * locally then, and its check pass reads it no more. The others are checked locally when a
 * worker reads them again for the check pass, which keeps the main thread busy on the index
 * rules while the first pass keeps every core busy indexing. The command line bundle is its
 * own workers' script (main.ts).
 */
import { buildFileEntryAndTree } from '../index/fileEntry';
import { buildXmlTree } from '../model/xmlTree';
import { checkLocally, checkLocallyIfEnough } from '../rules/localCheck';
import { serveIndexRequests } from '../node/indexWorkerLoop';

serveIndexRequests(
  (uri, text, encoding) => {
    const { entry, tree } = buildFileEntryAndTree(uri, text, encoding);
    return { entry, local: tree && entry.status === 'configuration' ? checkLocallyIfEnough(text, tree, entry) : undefined };
  },
  (text) => checkLocally(text, buildXmlTree(text)),
);
