import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import { contentHash, contentHashOfTexts, contentText, linkHash, linkText } from './event-hash';

// The hash computed at append (from the canonical texts stored) must equal the hash of the event as
// read back from them, whatever the caller's objects held; and the definition's worked example must hold.
describe('event hashes', () => {
  const appendHashEqualsReadBack = (data: Record<string, unknown>) => {
    const metadata = { schemaVersion: 1, actor: { userId: 'u', role: 'claimant' }, extra: undefined };
    const [dataText, metadataText] = [canonicalJson(data), canonicalJson(metadata)];
    const atAppend = contentHashOfTexts('e-1', 'T', dataText, metadataText);
    const readBack = contentHash({ id: 'e-1', type: 'T', data: JSON.parse(dataText), metadata: JSON.parse(metadataText) });
    expect(atAppend).toBe(readBack);
    // The definition: JCS of the whole content, as an outside verifier computes it.
    expect(contentText('e-1', 'T', dataText, metadataText)).toBe(
      canonicalize({ id: 'e-1', type: 'T', data: JSON.parse(dataText), metadata: JSON.parse(metadataText) }),
    );
  };

  it.each([
    ['plain data', { a: 1, b: 'tekst', c: [1, 2, { d: null }] }],
    ['a Date and an undefined field', { at: new Date('2026-11-30T22:00:00Z'), gone: undefined }],
    ['a function among the values', { f: () => 1, list: [() => 2, 3], keep: 'x' }],
    ['a string that reads "undefined"', { text: 'undefined', nested: { u: 'undefined' } }],
    ['minus zero, big and small numbers, unicode', { z: -0, big: 1e21, small: 1e-7, naam: 'Zorg Ⓐ é', lone: '\ud800' }],
  ])('at append equals read back for %s', (_what, data) => appendHashEqualsReadBack(data as Record<string, unknown>));

  it('writes the content text as JCS of the whole content, for any id, type, data and metadata', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.string({ unit: 'binary' }),
        fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue({ stringUnit: 'binary', maxDepth: 3 })),
        fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue({ stringUnit: 'binary', maxDepth: 3 })),
        (id, type, data, metadata) => {
          expect(contentText(id, type, canonicalJson(data), canonicalJson(metadata))).toBe(canonicalize({ id, type, data, metadata }));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses what JSON cannot carry faithfully', () => {
    expect(() => contentHash({ id: 'e', type: 'T', data: { x: Number.NaN }, metadata: {} })).toThrow(TypeError);
  });

  it('reproduces the worked example of docs/tamper-evident-history.md', () => {
    const ch = contentHash({
      id: '0b5c6a1e-2f4d-4c1a-9a53-7d7e2f7f4c10',
      type: 'DisputeFiled',
      data: { summary: 'Tarief fysiotherapie', amountCents: 1250000 },
      metadata: { schemaVersion: 1 },
    });
    expect(ch).toBe('2e0bfe7156141f1fe92e5cc7a223f1814669943bc87e97556c04d8c02eaa9d57');
    expect(
      linkHash({ streamId: 'dispute-0b5c', revision: 0, recordedAt: '2026-11-30T22:00:00.000Z', contentHash: ch, previousHash: null }),
    ).toBe('41d42f3297a53b62badcd2b57137533b02d3687cfeae37983288dc483065238b');
  });

  it('writes the link text exactly as JCS does, for any strings and revisions', () => {
    fc.assert(
      fc.property(
        fc.record({
          streamId: fc.string({ unit: 'binary' }),
          revision: fc.nat(),
          recordedAt: fc.string({ unit: 'binary' }),
          contentHash: fc.string({ unit: 'binary' }),
          previousHash: fc.option(fc.string({ unit: 'binary' }), { nil: null }),
        }),
        (link) => {
          const { contentHash: c, previousHash, recordedAt, revision, streamId } = link;
          expect(linkText(link)).toBe(canonicalize({ contentHash: c, previousHash, recordedAt, revision, streamId }));
        },
      ),
      { numRuns: 500 },
    );
  });
});
