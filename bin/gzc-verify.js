#!/usr/bin/env node
// gzc-verify <dossier.zip> [--key <file or URL>]: runs the verifier from this repository's build
// (npm run build writes dist/). Exit code 0 intact, 1 not intact, 2 the check could not be done.
'use strict';
const path = require('node:path');

let cli;
try {
  cli = require(path.join(__dirname, '..', 'dist', 'libs', 'dossier-verify', 'src', 'cli', 'run-cli.js'));
} catch {
  console.error('Eerst bouwen: npm run build / Build first: npm run build');
  process.exit(2);
}
cli
  .runCli(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    console.error(`Controle mislukt / Verification failed: ${error && error.message}`);
    process.exitCode = 2;
  });
