import * as assert from 'assert';
import { cutIntoPieces, decodePayload, encodeComparison, encodePayload } from '../../../src/protocol/comparisonPayload';
import { decodeUtf8Pieces, packText } from '../../../src/protocol/textTransfer';
import { fixtureComparison, TEXT_A, TEXT_B } from '../comparisonFixture';

// A leading byte-order mark, CRLF, a tab, curly quotes, an emoji (a surrogate pair), a combining accent.
const AWKWARD = '\ufeff“Ready,” said Zoë.\r\n\tThe crowd 👏 cheered — cafe\u0301.';

describe('comparisonPayload', () => {
  it('cuts bytes into pieces of their own that decode back to the text, whatever the piece size', () => {
    const bytes = new TextEncoder().encode(AWKWARD);
    for (let size = 1; size <= bytes.length + 1; size++) {
      const pieces = cutIntoPieces(bytes, size);
      assert.strictEqual(pieces.length, Math.ceil(bytes.length / size));
      assert.ok(pieces.every((piece) => piece.length <= size && piece.byteOffset === 0 && piece.buffer.byteLength === piece.length), `size ${size}: a piece shares a buffer`);
      assert.strictEqual(decodeUtf8Pieces(pieces), AWKWARD, `size ${size}`);
    }
    assert.deepStrictEqual(cutIntoPieces(new Uint8Array(0), 4), []);
  });

  it('decodes what it encodes: the comparison from the worker, the texts from the host, at any piece size', () => {
    const comparison = fixtureComparison();
    for (const size of [1, 7, 64, 1 << 20]) {
      const pieces = encodePayload(encodeComparison(comparison, size), { a: packText(TEXT_A + AWKWARD), b: packText(TEXT_B) }, size);
      assert.deepStrictEqual(decodePayload(pieces), { comparison, texts: { a: TEXT_A + AWKWARD, b: TEXT_B } }, `size ${size}`);
    }
  });

  it('carries a text that holds a lone surrogate with U+FFFD in its place, every offset unchanged', () => {
    const text = 'a\ud800b “quote” \udc00';
    const { texts } = decodePayload(encodePayload(encodeComparison(fixtureComparison()), { a: packText(text), b: packText('') }));
    assert.strictEqual(texts.a, 'a\ufffdb “quote” \ufffd');
    assert.strictEqual(texts.a.length, text.length);
    assert.strictEqual(texts.b, '');
  });
});
