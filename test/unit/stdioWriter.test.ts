/**
 * How the server writes its messages on stdio: the bytes are UTF-8 whatever the text, one
 * buffer is reused only when no write still holds it, and messages written one after another
 * through vscode-jsonrpc's writer come out whole and in order.
 */
import { strict as assert } from 'node:assert';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { StreamMessageWriter } from 'vscode-languageserver/node';
import { MessageBytes, consoleToClient, jsonEncoder } from '../../server/src/protocol/stdioWriter';

const TEXTS = [
  '{"uri":"file:///c%3A/Conf/AD%20Jobs.xml"}',
  'Synchronisation planifiée du répertoire',
  'Coût : 10 €',
  'emoji \u{1F600} and a lone surrogate \ud800 here',
  '',
  // More than the first buffer holds, three bytes a character: a buffer sized by the length alone would cut it.
  '€'.repeat(40000),
];

/** A stream that copies what it is given (as the kernel does) and says it is written a turn later. */
function collector(): { stream: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      setImmediate(done);
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks) };
}

/** The JSON bodies of LSP frames (`Content-Length: n\r\n\r\n` + n bytes). */
function frames(all: Buffer): unknown[] {
  const out: unknown[] = [];
  let at = 0;
  while (at < all.length) {
    const headerEnd = all.indexOf('\r\n\r\n', at);
    const length = Number(/Content-Length: (\d+)/.exec(all.subarray(at, headerEnd).toString('ascii'))![1]);
    out.push(JSON.parse(all.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')));
    at = headerEnd + 4 + length;
  }
  return out;
}

describe('messages written on stdio', () => {
  it('are the UTF-8 bytes of their text, ASCII or not', () => {
    const bytes = new MessageBytes(() => 0);
    for (const text of TEXTS) assert.deepEqual(bytes.of(text), Buffer.from(text, 'utf8'), text);
  });

  it('reuse one buffer while nothing is left to write', () => {
    const bytes = new MessageBytes(() => 0);
    const first = bytes.of('{"id":1}');
    const second = bytes.of('{"id":2,"result":[]}');
    assert.equal(second.buffer, first.buffer);
    assert.equal(second.toString('utf8'), '{"id":2,"result":[]}');
  });

  it('leave the bytes of a message alone while a write is still queued', () => {
    const bytes = new MessageBytes(() => 1);
    const first = bytes.of('{"id":1}');
    bytes.of('{"id":2}');
    assert.equal(first.toString('utf8'), '{"id":1}');
  });

  it('give a message larger than the kept buffer bytes of its own', () => {
    const bytes = new MessageBytes(() => 0, 30);
    const small = bytes.of('{"id":1}');
    const large = bytes.of(`{"message":"${'é'.repeat(40)}"}`);
    assert.notEqual(large.buffer, small.buffer);
    assert.deepEqual(large, Buffer.from(`{"message":"${'é'.repeat(40)}"}`, 'utf8'));
    assert.equal(small.toString('utf8'), '{"id":1}');
  });

  it('come out whole and in order through the writer, a large one between small ones', async () => {
    const out = collector();
    const writer = new StreamMessageWriter(out.stream, { charset: 'utf-8', contentTypeEncoder: jsonEncoder(new MessageBytes(() => out.stream.writableLength)) });
    const locations = Array.from({ length: 5000 }, (_, i) => ({
      uri: `file:///Conf/Job%20${i % 7}.xml`,
      range: { start: { line: i, character: 2 }, end: { line: i, character: 9 } },
    }));
    const messages = [
      { jsonrpc: '2.0', id: 1, result: locations },
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'Tâche planifiée — 10 €' } },
      { jsonrpc: '2.0', id: 2, result: null },
    ];
    await Promise.all(messages.map((m) => writer.write(m)));
    assert.deepEqual(frames(out.bytes()), messages);
  });

  it('send what the process prints to the client log', () => {
    const said: string[] = [];
    const saved = { log: console.log, info: console.info, debug: console.debug, warn: console.warn, error: console.error, trace: console.trace };
    try {
      consoleToClient({
        log: (m: string) => said.push(`log ${m}`),
        info: (m: string) => said.push(`info ${m}`),
        warn: (m: string) => said.push(`warn ${m}`),
        error: (m: string) => said.push(`error ${m}`),
      } as never);
      console.log('indexed', 3, { files: 2 });
      console.warn('slow');
      console.error(new Error('boom').message);
    } finally {
      Object.assign(console, saved);
    }
    assert.deepEqual(said, ['log indexed 3 { files: 2 }', 'warn slow', 'error boom']);
  });
});
