import * as assert from 'assert';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { decodeUtf8Pieces, packText, unpackText } from '../../../src/protocol/textTransfer';

// A leading byte-order mark, CRLF, a tab, curly quotes, an emoji (a surrogate pair), a combining accent.
const AWKWARD = '\ufeff“Ready,” said Zoë.\r\n\tThe crowd 👏 cheered — cafe\u0301.';

describe('textTransfer', () => {
  it('packs a well-formed text as bytes and unpacks it unchanged, byte-order mark and all', () => {
    const packed = packText(AWKWARD);
    assert.ok(packed instanceof Uint8Array);
    assert.strictEqual(unpackText(packed), AWKWARD);
    assert.strictEqual(unpackText(packText('')), '');
  });

  it('keeps a text holding a lone surrogate as the string, which UTF-8 could not carry', () => {
    for (const text of ['a\ud800b', 'tail \udc00', '\ud83d']) {
      const packed = packText(text);
      assert.strictEqual(packed, text);
      assert.strictEqual(unpackText(packed), text);
    }
  });

  it('arrives whole on the other side of a port, and the sender keeps its bytes for the page', () => {
    const packed = [packText(AWKWARD), packText('x\ud800')];
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(packed);
    const arrived = receiveMessageOnPort(port2)?.message as unknown[];
    port1.close();
    assert.deepStrictEqual(arrived.map((text) => unpackText(text as string | Uint8Array)), [AWKWARD, 'x\ud800']);
    assert.strictEqual(unpackText(packed[0]), AWKWARD);
  });

  it('decodes pieces cut anywhere, inside a character too', () => {
    const bytes = new TextEncoder().encode(AWKWARD);
    for (let cut = 0; cut <= bytes.length; cut++) {
      assert.strictEqual(decodeUtf8Pieces([bytes.slice(0, cut), bytes.slice(cut)]), AWKWARD, `cut at byte ${cut}`);
    }
    const ones = [...bytes].map((byte) => Uint8Array.of(byte));
    assert.strictEqual(decodeUtf8Pieces(ones), AWKWARD);
    assert.strictEqual(decodeUtf8Pieces([]), '');
  });
});
