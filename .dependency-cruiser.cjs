/**
 * The layering of DESIGN.md, checked in CI (`npm run layering`): each layer imports only the ones
 * below it. domain ← store ← services ← api / cli / jobs; the web app talks only to the REST API.
 */
const layer = (name) => `^src/${name}/`;

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain holds the rules: no database, no HTTP, no file or network I/O.',
      severity: 'error',
      from: { path: layer('domain') },
      to: { path: ['^src/(store|services|api|cli|jobs)/', '^src/config\\.ts$', '^node_modules/(kysely|better-sqlite3|pg|fastify)', '^(fs|net|http|https|child_process|dgram|tls)$', '^node:(fs|net|http|https|child_process|dgram|tls)'] },
    },
    {
      name: 'store-below-services',
      severity: 'error',
      from: { path: layer('store') },
      to: { path: '^src/(services|api|cli|jobs)/' },
    },
    {
      name: 'services-below-entry-points',
      comment: 'services are called by api, cli and jobs, never the other way round.',
      severity: 'error',
      from: { path: layer('services') },
      to: { path: '^src/(api|cli|jobs)/' },
    },
    {
      name: 'sql-only-in-store',
      comment: 'queries live in src/store; services may name Kysely types but not build SQL or open drivers.',
      severity: 'error',
      from: { path: '^src/(services|api|cli|jobs)/' },
      to: { path: '^node_modules/(kysely|better-sqlite3|pg)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'api-through-services',
      comment: 'routes call services; nothing reads or writes SQL from a route.',
      severity: 'error',
      from: { path: layer('api') },
      to: { path: '^src/(store|cli|jobs)/' },
    },
    {
      name: 'jobs-through-services',
      severity: 'error',
      from: { path: layer('jobs') },
      to: { path: '^src/(store|api|cli)/' },
    },
    {
      name: 'cli-not-into-store',
      comment: 'the CLI calls services (and may start the API server); it does not write SQL.',
      severity: 'error',
      from: { path: layer('cli') },
      to: { path: '^src/store/(repositories|schema)' },
    },
    {
      name: 'web-only-through-rest',
      comment: 'the web app is a client of the public REST API like any other.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
