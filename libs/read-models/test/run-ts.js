// Runs a TypeScript file in a plain Node child process, transpiled on load with the SWC the
// project already uses for Jest (no extra dependency). Usage: node run-ts.js file.ts ...args
const { transformFileSync } = require('@swc/core');
const path = require('node:path');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformFileSync(filename, {
    swcrc: false, // the build's .swcrc excludes test folders
    sourceMaps: 'inline',
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

const [file, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], file, ...args];
require(path.resolve(file));
