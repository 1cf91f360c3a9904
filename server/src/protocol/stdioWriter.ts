/**
 * How the server writes its messages on stdio (Neovim, Helix, the bench; VS Code's client talks
 * over node-ipc). vscode-jsonrpc's own encoder makes a new buffer for every message. On this
 * kind of machine fresh memory is what costs: the first touch of each page is a fault in the
 * kernel, and a references answer of 775 KB (4,496 locations) spent about 6 ms of the server's
 * 12 in making its buffer; converting the same text into a buffer already touched takes 0.1 ms.
 * So messages are converted into one buffer kept from message to message, while no write still
 * holds it.
 */
import { format } from 'node:util';
import { Message, RemoteConsole, StreamMessageWriter } from 'vscode-languageserver/node';

/** A message's text is at most 4 MiB of UTF-8 when converted into the kept buffer; larger ones get their own. */
const KEPT_AT_MOST = 4 * 1024 * 1024;

/** UTF-8 bytes of messages, converted into one buffer reused while `pending()` (bytes not yet written) is 0. */
export class MessageBytes {
  private buffer: Buffer | undefined;

  constructor(
    private readonly pending: () => number,
    private readonly keptAtMost = KEPT_AT_MOST,
  ) {}

  of(text: string): Buffer {
    // One UTF-16 code unit is at most three bytes of UTF-8 (a lone surrogate becomes U+FFFD).
    const most = text.length * 3;
    if (most > this.keptAtMost) return Buffer.from(text, 'utf8');
    // vscode-jsonrpc's writer encodes a message once the one before is written; should a write
    // still be queued anyway, it reads the bytes given before, which must stay as they are.
    if (this.pending() > 0) this.buffer = undefined;
    if (!this.buffer || this.buffer.length < most) {
      // Twice the last size at least, so that a few sizes serve a session; 32 KiB to begin with.
      const size = Math.max(most, this.buffer ? 2 * this.buffer.length : 32 * 1024);
      this.buffer = Buffer.allocUnsafeSlow(Math.min(this.keptAtMost, size));
    }
    return this.buffer.subarray(0, this.buffer.write(text, 0, 'utf8'));
  }
}

/** `application/json` in UTF-8, as vscode-jsonrpc encodes it, into the bytes given. */
export function jsonEncoder(bytes: MessageBytes) {
  return {
    name: 'application/json',
    encode(message: Message): Promise<Uint8Array> {
      try {
        return Promise.resolve(bytes.of(JSON.stringify(message)));
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    },
  };
}

/** A message writer on stdout with that encoder. */
export function stdoutWriter(): StreamMessageWriter {
  const bytes = new MessageBytes(() => process.stdout.writableLength);
  return new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: jsonEncoder(bytes) });
}

/**
 * What the process prints goes to the client's log, not into the protocol's stream on stdout
 * (vscode-languageserver does this only for the connection it makes on stdio itself).
 */
export function consoleToClient(remote: RemoteConsole): void {
  console.log = console.info = console.debug = (...args: unknown[]) => remote.log(format(...args));
  console.warn = (...args: unknown[]) => remote.warn(format(...args));
  console.error = console.trace = (...args: unknown[]) => remote.error(format(...args));
}
