// The boundaries of the code base, checked by `npm run lint:deps` (part of `npm test`):
// the domain is pure, libraries never reach into apps, apps never reach into each other, no cycles.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain (libs/domain/src) imports only itself: no other lib, no app, no node: module, no npm package.',
      severity: 'error',
      from: { path: '^libs/domain/src/' },
      to: { pathNot: '^libs/domain/src/' },
    },
    {
      name: 'libs-never-import-apps',
      comment: 'Libraries are shared by the apps; an import the other way would make them depend on one app.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-never-import-apps',
      comment: 'What two apps share belongs in libs/ (e.g. libs/runtime: configuration, stores, clock).',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles make load order matter and modules hard to take apart.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
