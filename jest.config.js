// Jest with SWC: TypeScript is transpiled, not type-checked, here; `npm run typecheck` checks types.
const swcOptions = (syntax) => [
  '@swc/jest',
  {
    // .swcrc excludes spec files from the build; jest must not inherit that exclusion.
    swcrc: false,
    jsc: {
      target: 'es2022',
      parser: syntax === 'typescript' ? { syntax, decorators: true } : { syntax },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

// Nest 12 and jose ship as pure ESM. Node loads them from CommonJS through require(esm), but Jest's
// module runtime only supports that on Node >= 24.9, so on Node 20/22 they are transpiled to CommonJS
// like our own sources.
const esmPackages = ['@nestjs', 'jose', 'file-type', 'strtok3', 'token-types', '@tokenizer', 'uint8array-extras', '@borewit', '@standard-schema'];

const shared = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': swcOptions('typescript'),
    '^.+\\.m?js$': swcOptions('ecmascript'),
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  // file-type's package exports offer Node only `import` and `module-sync`, which Jest's CommonJS
  // resolver does not try; point it at the same file Node's require(esm) loads.
  moduleNameMapper: { '^file-type$': '<rootDir>/node_modules/file-type/index.js' },
  // Playwright runs the portal's *.browser.spec.ts (npm run test:web), not Jest.
  testPathIgnorePatterns: ['/node_modules/', '\\.browser\\.spec\\.ts$'],
};

// The suffix says what a test needs, and so which project runs it:
//   *.spec.ts      unit: apps and libs, no database server, no child processes;
//   *.int.spec.ts  integration: real stores (SQLite files; PostgreSQL too when DATABASE_URL is set);
//   *.e2e.spec.ts  over HTTP (test/), on the embedded stores and again on PostgreSQL when DATABASE_URL
//                  is set (a fresh schema per app); *.postgres.e2e.spec.ts on PostgreSQL only;
//   *.browser.spec.ts  Playwright (npm run test:web), not Jest.
const NOT_UNIT = ['/node_modules/', '\\.int\\.spec\\.ts$', '\\.e2e\\.spec\\.ts$', '\\.browser\\.spec\\.ts$'];
module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'],
      testPathIgnorePatterns: NOT_UNIT,
      setupFiles: ['<rootDir>/test/support/unit-env.js'],
    },
    { ...shared, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs,test}/**/*.int.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.postgres\\.e2e\\.spec\\.ts$', '\\.browser\\.spec\\.ts$'],
    },
    ...(process.env.DATABASE_URL
      ? [
          {
            ...shared,
            displayName: 'e2e-postgres',
            testMatch: ['<rootDir>/test/**/*.e2e.spec.ts'],
            setupFiles: ['<rootDir>/test/e2e/support/use-postgres.js'],
          },
        ]
      : []),
  ],
  testTimeout: 30000,
  // Two cores here: Jest's default (cores - 1) would run one file at a time.
  maxWorkers: 2,
};
