import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    setupFiles: ['tests/setup.ts'],
    // Property tests and the hostile matrix run many cases; on a loaded machine 5 s (the default) is too tight.
    testTimeout: 30_000,
  },
});
