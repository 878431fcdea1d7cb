import * as assert from 'assert';
import { decodeText, formatBytes } from '../../../../src/core/text/decode';
import { DEFAULT_MAX_FILE_BYTES } from '../../../../src/core/model';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeText', () => {
  it('decodes UTF-8 and keeps CRLF', () => {
    assert.deepStrictEqual(decodeText(utf8('“Hi”\r\nthere é 😀')), { ok: true, text: '“Hi”\r\nthere é 😀' });
  });

  it('removes a BOM so that it counts as nothing in offsets', () => {
    const result = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('abc')]));
    assert.deepStrictEqual(result, { ok: true, text: 'abc' });
  });

  it('accepts an empty file', () => {
    assert.deepStrictEqual(decodeText(new Uint8Array(0)), { ok: true, text: '' });
  });

  it('replaces invalid UTF-8 with U+FFFD and says so', () => {
    const result = decodeText(new Uint8Array([0x61, 0xff, 0x62, 0xc3]));
    assert.ok(result.ok);
    assert.strictEqual(result.text, 'a\ufffdb\ufffd');
    assert.match(result.warning ?? '', /invalid UTF-8/);
  });

  it('refuses binary files (NUL bytes), including UTF-16', () => {
    const result = decodeText(new Uint8Array([0xff, 0xfe, 0x61, 0x00]));
    assert.strictEqual(result.ok, false);
    assert.match(!result.ok ? result.error : '', /binary/);
  });

  it('refuses input over the size limit', () => {
    const result = decodeText(utf8('abcdef'), { maxBytes: 5 });
    assert.strictEqual(result.ok, false);
    assert.match(!result.ok ? result.error : '', /too large \(6 bytes; the limit is 5 bytes\)/);
    assert.strictEqual(decodeText(utf8('abcde'), { maxBytes: 5 }).ok, true);
    assert.strictEqual(DEFAULT_MAX_FILE_BYTES, 20 * 1024 * 1024);
  });

  it('formats sizes for messages', () => {
    assert.strictEqual(formatBytes(512), '512 bytes');
    assert.strictEqual(formatBytes(1536), '1.5 KB');
    assert.strictEqual(formatBytes(20 * 1024 * 1024), '20 MB');
  });
});
