import { safeFileName } from './dossier-contents';

// A document's name becomes one path segment in the ZIP: never a way out of documents/<id>/ for
// whoever unpacks it (no separators, no dot-only names), and never empty.
describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd', '.._.._etc_passwd'],
    ['C:\\Windows\\win.ini', 'C__Windows_win.ini'],
    ['..', 'document'],
    ['   ', 'document'],
    ['notulen\u0000.pdf', 'notulen_.pdf'],
    ['Vaststellingsovereenkomst – één.pdf', 'Vaststellingsovereenkomst – één.pdf'],
  ])('%j becomes %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });

  it('keeps names short enough for every unpacker', () => {
    expect(safeFileName('a'.repeat(400))).toHaveLength(150);
  });
});
