// Forged webview messages: whatever a compromised page posts, the validator neither throws nor lets
// through anything but the two well-formed messages, and a range it accepts can be clamped safely.
import * as assert from 'assert';
import fc from 'fast-check';
import { clampRange } from '../../../src/core/views/lookup';
import { validatePersistedState, validateUiState, validateWebviewMessage } from '../../../src/protocol/webviewMessages';
import { fuzzParameters } from './hostileText';

const forgedField = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true }),
  fc.constantFrom('ready', 'reveal', 'a', 'b', 'c', '__proto__', 'constructor', -1, 0, 1, 2 ** 53, -0, NaN, Infinity, 1.5, '1'),
);

const forgedMessage = fc.oneof(
  forgedField,
  fc.record({ type: fc.constantFrom('ready', 'reveal', 'compare', 'openFile', 'executeCommand', 'toString'), side: forgedField, range: forgedField, extra: forgedField }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('reveal'), side: fc.constantFrom('a', 'b'), range: fc.tuple(forgedField, forgedField) }),
  fc.record({ type: fc.constant('reveal'), side: fc.constantFrom('a', 'b'), range: fc.array(fc.integer(), { maxLength: 4 }) }),
);

describe('protocol properties (fuzz)', function () {
  this.timeout(0);

  it('accepts only well-formed messages from the webview, and never throws', () => {
    fc.assert(fc.property(forgedMessage, (raw) => {
      const message = validateWebviewMessage(raw);
      if (message === undefined) return;
      assert.notStrictEqual(message, raw, 'the validator must copy, not pass the sender object through');
      if (message.type === 'ready') {
        assert.deepStrictEqual(Object.keys(message), ['type']);
        return;
      }
      assert.strictEqual(message.type, 'reveal');
      assert.ok(message.side === 'a' || message.side === 'b');
      const [start, end] = message.range;
      assert.ok(Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && end >= start, JSON.stringify(message.range));
      assert.deepStrictEqual(Object.keys(message).sort(), ['range', 'side', 'type']);
    }), fuzzParameters(3000));
  });

  it('clamps any accepted range into the document', () => {
    fc.assert(fc.property(fc.tuple(fc.nat(), fc.nat()), fc.nat({ max: 100000 }), ([x, y], length) => {
      const message = validateWebviewMessage({ type: 'reveal', side: 'a', range: [Math.min(x, y), Math.max(x, y)] });
      assert.ok(message?.type === 'reveal');
      const [start, end] = clampRange(message.range, length);
      assert.ok(start >= 0 && start <= end && end <= length);
    }), fuzzParameters(500));
  });

  it('restores nothing but strings and sane numbers from forged persisted state', () => {
    const forgedPlace = fc.oneof(forgedField, fc.record({ start: fc.oneof(forgedField, fc.integer()), above: fc.oneof(forgedField, fc.double()) }));
    const forgedUi = fc.oneof(forgedField, fc.record({ scroll: forgedField, place: fc.oneof(forgedField, fc.record({ a: forgedPlace, b: forgedPlace })), filters: forgedField }));
    fc.assert(fc.property(forgedField, fc.record({ uris: forgedField, ui: forgedUi }), (junk, state) => {
      for (const raw of [junk, state]) {
        const restored = validatePersistedState(raw);
        if (restored) assert.ok(typeof restored.uris.a === 'string' && typeof restored.uris.b === 'string');
        const ui = validateUiState((raw as { ui?: unknown } | null)?.ui);
        assert.ok(Number.isFinite(ui.scroll.a) && ui.scroll.a >= 0 && Number.isFinite(ui.scroll.b) && ui.scroll.b >= 0);
        for (const place of [ui.place.a, ui.place.b]) {
          assert.ok(place === null || (Number.isSafeInteger(place.start) && place.start >= 0 && Number.isFinite(place.above)));
        }
        assert.ok(ui.filters.speaker === null || (Number.isSafeInteger(ui.filters.speaker) && ui.filters.speaker >= 0));
      }
    }), fuzzParameters(1000));
  });
});
