import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

// canonicalJson replaces canonicalize() on the hot path; the chain's definition (and every hash
// already stored) rests on the two agreeing, so they are compared on arbitrary JSON.
describe('canonicalJson', () => {
  it('equals canonicalize() for arbitrary JSON, lone surrogates and all', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary', maxDepth: 5 }), (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('equals canonicalize() for unicode keys, -0, and very large and small numbers', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: 'binary' }), fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(-0))),
        fc.array(fc.array(fc.oneof(fc.integer(), fc.constant(1e21), fc.constant(5e-324), fc.constant(-1.7976931348623157e308)))),
        (record, nested) => {
          const value = { record, nested, ['é']: 1, ['e\u0301']: 2, ['\u{1F600}']: 3, ['\uff61']: 4 };
          expect(canonicalJson(value)).toBe(canonicalize(value));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('writes what JSON.stringify would store, canonically: stored text and hashed text are one', () => {
    const odd = fc.oneof(
      fc.constant(undefined),
      fc.constant(() => 1),
      fc.constant(Symbol('s')),
      fc.date({ noInvalidDate: false }),
      fc.constant(new Number(3)), // a boxed primitive: JSON.stringify unwraps it
      fc.constant(new String('boxed')),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), odd, tie('array'), tie('object')),
      array: fc.array(tie('node'), { maxLength: 4 }),
      object: fc.dictionary(fc.string({ unit: 'binary' }), tie('node'), { maxKeys: 4 }),
    })).object;
    fc.assert(
      fc.property(value, (v) => {
        const text = canonicalJson(v);
        expect(text).toBe(canonicalize(JSON.parse(JSON.stringify(v))));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['NaN', { a: [1, { b: Number.NaN }] }],
    ['Infinity', { a: Number.POSITIVE_INFINITY }],
    ['-Infinity', [Number.NEGATIVE_INFINITY]],
    ['a BigInt', { a: 1n }],
    ['undefined at the top', undefined],
  ])('refuses %s with a TypeError', (_what, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it('refuses a cycle with a TypeError', () => {
    const value: Record<string, unknown> = { a: 1 };
    value.self = { back: value };
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it('writes a value reached twice (not a cycle) twice', () => {
    const shared = { z: 1, a: 2 };
    expect(canonicalJson({ y: shared, x: [shared] })).toBe('{"x":[{"a":2,"z":1}],"y":{"a":2,"z":1}}');
  });
});
