/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/browser/**/*.spec.ts"],
  // Transpiled only: npm run lint type-checks every file once (tsc), so jest need not again.
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }] },
  // Every core (jest's default leaves one idle for itself, which is half of a 2-core machine).
  maxWorkers: "100%",
  // One Chromium for the run's browser specs, whichever worker runs them.
  globalSetup: "<rootDir>/tests/helpers/globalSetup.ts",
  globalTeardown: "<rootDir>/tests/helpers/globalTeardown.ts",
  // The slowest suites first: a fresh clone has no timings for jest to order by.
  testSequencer: "<rootDir>/tests/helpers/slowFirst.mjs",
  testTimeout: 60000,
};
