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
  // Playwright runs the portal's *.browser.spec.ts (npm run test:web), not Jest.
  testPathIgnorePatterns: ['/node_modules/', '\\.browser\\.spec\\.ts$'],
};

// unit: apps and libs (the contract and read-model suites add their PostgreSQL runs themselves when
// DATABASE_URL is set). e2e: the HTTP suites on the embedded stores. e2e-postgres: the same suites
// again with events and read models in PostgreSQL (a fresh schema per app), when DATABASE_URL is set.
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.spec.ts'] },
    ...(process.env.DATABASE_URL
      ? [
          {
            ...shared,
            displayName: 'e2e-postgres',
            testMatch: ['<rootDir>/test/e2e/**/*.e2e.spec.ts'],
            setupFiles: ['<rootDir>/test/e2e/support/use-postgres.js'],
          },
        ]
      : []),
  ],
  testTimeout: 30000,
  // Two cores here: Jest's default (cores - 1) would run one file at a time.
  maxWorkers: 2,
};
