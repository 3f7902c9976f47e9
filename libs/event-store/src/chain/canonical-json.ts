// RFC 8785 (JCS) text of a value, written in one pass. The chain hashes this text, and the SQL
// stores keep it as the event's `data`/`metadata` column, so an event is serialised once per append.
//
// For plain JSON values JCS is JSON.stringify with every object's keys sorted by UTF-16 code units
// (RFC 8785 §3.2.3; JS's default sort), numbers as ECMAScript prints them (§3.2.2.3, also what
// JSON.stringify writes) and strings escaped as JSON.stringify does (§3.2.2.2). The `canonicalize`
// package (by the RFC's author) does the same but costs twice JSON.stringify; a property test
// (canonical-json.spec.ts) checks this equals it for arbitrary JSON.
//
// What JSON cannot carry follows JSON.stringify (toJSON is called, undefined, functions and symbols
// are left out of objects and become null in arrays), so the text stored is exactly the text hashed,
// and parsing it back and canonicalising again gives the same text. Except: NaN and ±Infinity,
// which JSON.stringify silently writes as null, throw a TypeError, as RFC 8785 requires.

/** Characters JSON.stringify would escape (a surrogate, paired or not, is left to JSON.stringify). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A JSON string literal, exactly as JSON.stringify writes it; cheaper when nothing needs escaping. */
export function jsonString(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** The JCS text of `value`. Throws TypeError for NaN, ±Infinity, a BigInt, a cycle, or a top level JSON leaves out. */
export function canonicalJson(value: unknown): string {
  const text = write(value, '', []);
  if (text === undefined) throw new TypeError(`A ${typeof value} cannot be serialised as JSON`);
  return flattened(text);
}

/**
 * V8 keeps a string built with `+=` as a tree of its pieces. The stores hold these texts until the
 * group commit, and a tree of some thirty pieces per text made every event cost the garbage
 * collector ~2 µs more in the store (measured, bench/README.md "chain"). Converting a string to a
 * number makes V8 flatten it in place, one copy (the trick of the `flatstr` package).
 */
function flattened(text: string): string {
  Number(text);
  return text;
}

function write(input: unknown, key: string, ancestors: object[]): string | undefined {
  let value = input;
  if (typeof value === 'object' && value !== null) {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') value = (toJSON as (key: string) => unknown).call(value, key);
  }
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${String(value)} is not allowed in JSON`);
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('A BigInt cannot be serialised as JSON');
    case 'object':
      if (value === null) return 'null';
      // Boxed primitives, which JSON.stringify unwraps.
      if (value instanceof Number || value instanceof String || value instanceof Boolean) return write(value.valueOf(), key, []);
      return writeContainer(value, ancestors);
    default:
      return undefined; // undefined, a function, a symbol
  }
}

function writeContainer(value: object, ancestors: object[]): string {
  if (ancestors.includes(value)) throw new TypeError('A cyclic value cannot be serialised as JSON');
  ancestors.push(value);
  let out: string;
  if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += write(value[i], String(i), ancestors) ?? 'null';
    }
    out += ']';
  } else {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    out = '{';
    for (const key of keys) {
      const text = write(record[key], key, ancestors);
      if (text === undefined) continue;
      if (out.length > 1) out += ',';
      out += `${jsonString(key)}:${text}`;
    }
    out += '}';
  }
  ancestors.pop();
  return out;
}
