import { jsonNestingDepth, MAX_JSON_DEPTH, verifyJsonBody, type HashedBodyRequest } from './json-body';
import { scopedKey } from './idempotent-outcome';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');
const request = (headers: Record<string, string> = {}): HashedBodyRequest => ({ headers }) as unknown as HashedBodyRequest;

describe('jsonNestingDepth', () => {
  it('counts arrays and objects, not brackets inside strings or escaped quotes', () => {
    expect(jsonNestingDepth(bytes('{}'))).toBe(1);
    expect(jsonNestingDepth(bytes('{"a":[{"b":[]}]}'))).toBe(4);
    expect(jsonNestingDepth(bytes('{"a":"[[[[{{{{"}'))).toBe(1);
    expect(jsonNestingDepth(bytes('{"a":"\\"[[[[","b":[1]}'))).toBe(2);
    expect(jsonNestingDepth(bytes('{"ä€😀":["[ü]"]}'))).toBe(2);
  });

  it('handles a body of 5,000 levels without recursion (no stack overflow)', () => {
    expect(jsonNestingDepth(bytes('['.repeat(5000) + ']'.repeat(5000)))).toBe(5000);
    expect(jsonNestingDepth(bytes('['.repeat(200_000)), MAX_JSON_DEPTH)).toBe(MAX_JSON_DEPTH + 1);
  });
});

describe('verifyJsonBody', () => {
  it(`accepts ${MAX_JSON_DEPTH} levels and refuses one more with a 400 body-parser error`, () => {
    expect(() => verifyJsonBody(request(), undefined, bytes('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)))).not.toThrow();
    const deeper = MAX_JSON_DEPTH + 1;
    expect(() => verifyJsonBody(request(), undefined, bytes('['.repeat(deeper) + ']'.repeat(deeper)))).toThrow(
      expect.objectContaining({ status: 400, type: 'entity.too.deep' }),
    );
  });

  it('hashes the exact bytes only when the request carries an Idempotency-Key', () => {
    const plain = request();
    verifyJsonBody(plain, undefined, bytes('{"a":1}'));
    expect(plain.bodySha256).toBeUndefined();
    const keyed = request({ 'idempotency-key': 'k' });
    verifyJsonBody(keyed, undefined, bytes('{"a":1}'));
    const spaced = request({ 'idempotency-key': 'k' });
    verifyJsonBody(spaced, undefined, bytes('{"a": 1}'));
    expect(keyed.bodySha256).toMatch(/^[0-9a-f]{64}$/);
    expect(spaced.bodySha256).not.toBe(keyed.bodySha256);
  });
});

describe('scopedKey (issue 16, finding 7)', () => {
  it('keys of different users never collide, whatever characters they contain', () => {
    expect(scopedKey('alice', 'x:k1')).not.toBe(scopedKey('alice:x', 'k1'));
    expect(scopedKey('a', 'b","c')).not.toBe(scopedKey('a","b', 'c'));
    expect(scopedKey('alice', 'k1')).toBe(scopedKey('alice', 'k1'));
    expect(scopedKey('alice', 'k1')).toMatch(/^[0-9a-f]{64}$/);
  });
});
