/**
 * Reading a file only when it is a regular file, and never more than a cap. A name can stand
 * for a FIFO (opening it blocks until a writer comes), a device (`/dev/zero` never ends) or a
 * file whose size the system does not know (`/proc/...` says 0): none of them may stall or
 * exhaust the reader.
 */
import { closeSync, constants, fstatSync, openSync, promises as fs, readSync } from 'node:fs';
import type { Stats } from 'node:fs';

export type RegularRead = { ok: true; bytes: Buffer } | { ok: false; reason: 'not-regular' | 'too-large' | 'unreadable'; message: string; code?: string };

/** O_NONBLOCK: opening a FIFO must not wait for a writer (Windows has no FIFOs, nor the flag). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const CHUNK = 64 * 1024;

export function readRegularFileSync(file: string, maxBytes: number): RegularRead {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (e) {
    return unreadable(e);
  }
  try {
    const steps = reading(fstatSync(fd), maxBytes);
    let step = steps.next();
    while (!step.done) step = steps.next(readSync(fd, step.value.buffer, step.value.offset, step.value.length, null));
    return step.value;
  } catch (e) {
    return unreadable(e);
  } finally {
    closeSync(fd);
  }
}

export async function readRegularFile(file: string, maxBytes: number): Promise<RegularRead> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, OPEN_FLAGS);
  } catch (e) {
    return unreadable(e);
  }
  try {
    const steps = reading(await handle.stat(), maxBytes);
    let step = steps.next();
    while (!step.done) step = steps.next((await handle.read(step.value.buffer, step.value.offset, step.value.length, null)).bytesRead);
    return step.value;
  } catch (e) {
    return unreadable(e);
  } finally {
    await handle.close();
  }
}

interface ReadRequest {
  buffer: Buffer;
  offset: number;
  length: number;
}

/**
 * The reading of an open file, for both drivers above: checks what it is, then asks for reads
 * (each answered with the bytes read, 0 at the end) until the end or one byte past the cap.
 */
function* reading(stat: Stats, maxBytes: number): Generator<ReadRequest, RegularRead, number> {
  if (!stat.isFile()) return notRegular(stat);
  if (stat.size > maxBytes) return tooLarge(stat.size, maxBytes);
  let buffer: Buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) return tooLarge(undefined, maxBytes);
      buffer = grown(buffer, length, maxBytes);
    }
    const n: number = yield { buffer, offset: length, length: buffer.length - length };
    if (n === 0) break;
    length += n;
  }
  return length > maxBytes ? tooLarge(undefined, maxBytes) : { ok: true, bytes: buffer.subarray(0, length) };
}

/** Room for more bytes than the size said, up to one byte past the cap (to see it is passed). */
function grown(buffer: Buffer, length: number, maxBytes: number): Buffer {
  const next = Buffer.allocUnsafe(Math.min(Math.max(length * 2, CHUNK), maxBytes + 1));
  buffer.copy(next, 0, 0, length);
  return next;
}

function notRegular(stat: Stats): RegularRead {
  const what = stat.isDirectory()
    ? 'a folder'
    : stat.isFIFO()
      ? 'a FIFO'
      : stat.isCharacterDevice() || stat.isBlockDevice()
        ? 'a device'
        : stat.isSocket()
          ? 'a socket'
          : 'not a regular file';
  return { ok: false, reason: 'not-regular', message: `not read: it is ${what === 'not a regular file' ? 'not a regular file' : `${what}, not a regular file`}` };
}

function tooLarge(size: number | undefined, maxBytes: number): RegularRead {
  const limit = `${Math.round(maxBytes / 1048576)} MB`;
  const message = size === undefined ? `not read: it is larger than the ${limit} limit` : `not read: ${Math.round(size / 1048576)} MB is over the ${limit} limit`;
  return { ok: false, reason: 'too-large', message };
}

function unreadable(e: unknown): RegularRead {
  return { ok: false, reason: 'unreadable', message: `cannot be read: ${(e as Error).message}`, code: (e as NodeJS.ErrnoException).code };
}
