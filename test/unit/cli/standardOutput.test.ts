import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EventEmitter } from 'events';
import { standardOutput, type OutputSystem } from '../../../src/cli/standardOutput';

/** A stand-in for Node's stream that records what it was given. */
function recordingStream(): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const emitter = new EventEmitter() as unknown as NodeJS.WriteStream;
  emitter.write = ((chunk: string | Uint8Array) => {
    written.push(Buffer.from(chunk).toString('utf8'));
    return true;
  }) as NodeJS.WriteStream['write'];
  return { stream: emitter, written };
}

/** A descriptor that takes `room` bytes (at most `chunk` per write), then refuses with `code`. */
function limitedSystem(room: number, code: string, chunk = Infinity): OutputSystem & { taken: Buffer[] } {
  const taken: Buffer[] = [];
  let left = room;
  return {
    platform: 'linux',
    taken,
    writeSync(_fd, bytes, offset) {
      const size = Math.min(left, chunk, bytes.length - offset);
      if (size === 0) throw Object.assign(new Error(code), { code });
      taken.push(Buffer.from(bytes.subarray(offset, offset + size)));
      left -= size;
      return size;
    },
  };
}

describe('standardOutput', () => {
  it('writes to the descriptor itself, in order, without creating the stream', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'stdout-')), 'out.txt');
    const fd = fs.openSync(file, 'w');
    let created = false;
    const output = standardOutput(fd, () => {
      created = true;
      return recordingStream().stream;
    }, () => assert.fail('no broken pipe'));
    output.write('“Afghanistan’s” 👍\r\n');
    output.write('second');
    fs.closeSync(fd);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), '“Afghanistan’s” 👍\r\nsecond');
    assert.strictEqual(created, false);
    assert.strictEqual(output.stream, undefined);
  });

  it('takes partial writes until the text is out', () => {
    const system = limitedSystem(1000, 'EAGAIN', 3);
    const output = standardOutput(1, () => assert.fail('no stream'), () => assert.fail('no broken pipe'), system);
    output.write('“quoted” words');
    assert.strictEqual(Buffer.concat(system.taken).toString('utf8'), '“quoted” words');
  });

  it('hands the rest to the stream once the descriptor refuses a write (EAGAIN), and keeps using it', () => {
    const system = limitedSystem(5, 'EAGAIN');
    const { stream, written } = recordingStream();
    const output = standardOutput(1, () => stream, () => assert.fail('no broken pipe'), system);
    output.write('0123456789');
    output.write('after');
    assert.strictEqual(Buffer.concat(system.taken).toString('utf8'), '01234');
    assert.deepStrictEqual(written, ['56789', 'after']);
    assert.strictEqual(output.stream, stream);
  });

  it('calls onBrokenPipe when the reader has gone (EPIPE), directly or through the stream', () => {
    let broken = 0;
    const direct = standardOutput(1, () => assert.fail('no stream'), () => void broken++, limitedSystem(0, 'EPIPE'));
    direct.write('text');
    assert.strictEqual(broken, 1);
    const { stream } = recordingStream();
    const through = standardOutput(1, () => stream, () => void broken++, limitedSystem(0, 'EAGAIN'));
    through.write('text');
    stream.emit('error', Object.assign(new Error('EPIPE'), { code: 'EPIPE' }));
    assert.strictEqual(broken, 2);
  });

  it('throws any other error of the descriptor', () => {
    const output = standardOutput(1, () => assert.fail('no stream'), () => assert.fail('no broken pipe'), limitedSystem(0, 'EIO'));
    assert.throws(() => output.write('text'), /EIO/);
  });

  it('uses the stream throughout on Windows', () => {
    const { stream, written } = recordingStream();
    const output = standardOutput(1, () => stream, () => undefined, { platform: 'win32', writeSync: () => assert.fail('no direct write') });
    output.write('text');
    assert.deepStrictEqual(written, ['text']);
  });
});
