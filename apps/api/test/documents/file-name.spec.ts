import { MAX_FILE_NAME_LENGTH, nameForType, sanitizeFileName } from '../../src/documents/content/file-name';

describe('sanitizeFileName', () => {
  it.each([
    ['claim.pdf', 'claim.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..\\x', 'x'],
    ['C:\\Users\\anna\\brief.docx', 'brief.docx'],
    ['/abs/path/', 'document'],
    ['..', 'document'],
    ['', 'document'],
    [undefined, 'document'],
    ['  .hidden.txt. ', 'hidden.txt'],
    ['a<b>c:d"e|f?g*h.txt', 'a_b_c_d_e_f_g_h.txt'],
    ['line\r\nbreak\u0000nul\u007f.txt', 'linebreaknul.txt'],
    ['invoice\u202efdp.exe', 'invoicefdp.exe'],
    ['CON', '_CON'],
    ['lpt1.txt', '_lpt1.txt'],
    ['tab\tand   spaces.txt', 'taband spaces.txt'],
    ['Cliënt – overzicht €.xlsx', 'Cliënt – overzicht €.xlsx'],
  ])('%j → %j', (raw, expected) => {
    expect(sanitizeFileName(raw)).toBe(expected);
  });

  it('keeps readable names NFC-normalised', () => {
    expect(sanitizeFileName('Cli\u0065\u0308nt.pdf')).toBe('Cli\u00ebnt.pdf');
  });

  it('shortens long names to the limit, keeping the extension and whole characters', () => {
    const long = `${'😀'.repeat(300)}.pdf`;
    const name = sanitizeFileName(long);
    expect(Array.from(name)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('.pdf')).toBe(true);
    expect(name).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('nameForType: the name ends with the extension of the type the content proved', () => {
  it.each([
    ['factuur.pdf.bat', 'text/plain', 'factuur.pdf.bat.txt'],
    ['Verweerschrift.html', 'text/plain', 'Verweerschrift.html.txt'],
    ['tarieven.csv', 'text/plain', 'tarieven.csv.txt'],
    ['notitie.TXT', 'text/plain', 'notitie.TXT'],
    ['scan.png', 'application/pdf', 'scan.png.pdf'],
    ['claim.pdf', 'application/pdf', 'claim.pdf'],
    ['foto.jpeg', 'image/jpeg', 'foto.jpeg'],
    ['foto', 'image/jpeg', 'foto.jpg'],
    ['brief.doc', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'brief.doc.docx'],
    ['...', 'image/png', 'document.png'],
    ['.pdf', 'application/pdf', 'pdf.pdf'],
    ['invoice\u202efdp.exe', 'application/pdf', 'invoicefdp.exe.pdf'],
  ])('%j holding %s → %j', (raw, mediaType, expected) => {
    expect(nameForType(raw, mediaType)).toBe(expected);
  });

  it('stays within the length limit, keeping the added extension', () => {
    const name = nameForType(`${'a'.repeat(MAX_FILE_NAME_LENGTH)}.exe`, 'text/plain');
    expect(Array.from(name)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('.txt')).toBe(true);
  });
});
