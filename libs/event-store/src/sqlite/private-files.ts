import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';

// The embedded databases hold every case and the directory: only the account that runs the
// server may read them, whatever umask it was started with. Modes are set explicitly (mkdir and
// open apply the umask, which can only remove bits; chmod does not), and SQLite creates its -wal,
// -shm and -journal files with the mode of the database file, so a 0600 database keeps them 0600.

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;
const SQLITE_COMPANIONS = ['-wal', '-shm', '-journal'];

/** Creates `dir` (and missing parents) and makes it 0700. A folder we do not own is left as it is. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  chmodUnlessNotOurs(dir, PRIVATE_DIR);
}

/**
 * Makes a SQLite database file 0600 before SQLite opens it: creates it empty when missing (SQLite
 * treats an empty file as a new database), and tightens an existing one and its companion files
 * (an installation from before this rule).
 */
export function ensurePrivateDatabaseFile(filename: string): void {
  closeSync(openSync(filename, 'a', PRIVATE_FILE));
  for (const suffix of ['', ...SQLITE_COMPANIONS]) chmodUnlessNotOurs(`${filename}${suffix}`, PRIVATE_FILE);
}

function chmodUnlessNotOurs(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Missing: a companion file SQLite has not made (yet). EPERM: someone else's folder, e.g. a mounted volume's parent.
    if (code !== 'ENOENT' && code !== 'EPERM') throw error;
  }
}
