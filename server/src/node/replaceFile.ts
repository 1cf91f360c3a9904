/**
 * Replacing a file's content without ever leaving it half-written: the new bytes go to a
 * temporary file beside it, are flushed to disk, then renamed over the original. Killed at
 * any moment, or out of disk space, the original is either untouched or wholly replaced.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

let counter = 0;

/**
 * Replaces `file`'s content with `bytes`, keeping its permissions (and its owner when the
 * process may set it). A link is followed: the file it points to is replaced and the link stays.
 * On failure the temporary file is removed, the original left as it was, and the error thrown.
 */
export async function replaceFileContent(file: string, bytes: Uint8Array): Promise<void> {
  const target = await fs.realpath(file);
  const before = await fs.stat(target);
  // Not `.xml`: an editor watching the folder must not index the temporary file.
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${++counter}.tmp`);
  const handle = await fs.open(temp, 'wx', before.mode & 0o7777);
  try {
    try {
      await handle.writeFile(bytes);
      // The creation mode went through the umask: set it exactly.
      await handle.chmod(before.mode & 0o7777);
      if (process.platform !== 'win32') {
        const now = await handle.stat();
        if (now.uid !== before.uid || now.gid !== before.gid) await handle.chown(before.uid, before.gid).catch(() => undefined);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
  await syncFolder(path.dirname(target));
}

/** Makes the rename itself durable (POSIX); folders cannot be opened for that on Windows. */
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}
