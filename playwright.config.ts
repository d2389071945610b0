import { defineConfig } from '@playwright/test';

// The browser is launched by tests/e2e helpers (Debian Chromium with the built extension), not by projects.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
});
