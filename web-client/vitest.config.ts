import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      globals: true,
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['./src/testing/setup-tests.ts'],
      css: false,
      restoreMocks: true,
      // No test waits on a clock (fake timers, findBy* on the DOM); this bound is only a hang guard. The default 5 s
      // is shorter than a Mantine form takes to render on a loaded 2-core machine, which failed tests at random.
      testTimeout: 60_000,
    },
  }),
);
