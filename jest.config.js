// @ts-check
/** Two tiers: fast unit specs beside the code, and integration specs against the real Postgres and Redis. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

/** @type {import('jest').Config} */
const shared = {
  testEnvironment: 'node',
  // Workspace packages resolve to their TypeScript source, so tests never run stale builds of a lib.
  testEnvironmentOptions: { customExportConditions: ['@mockboard/source', 'node', 'require', 'default'] },
  transform: { '^.+\\.tsx?$': swc },
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
  setupFiles: ['reflect-metadata'],
};

/** @type {import('jest').Config} */
module.exports = {
  // A global option: Jest ignores it inside a project.
  testTimeout: 30_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tests/load'],
      testMatch: ['**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tests/integration'],
      testMatch: ['**/*.int-spec.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
  ],
};
