import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          exclude: ['**/*.tz.test.ts'],
          testTimeout: 30_000,
        },
      },
      ...['Europe/Brussels', 'America/New_York'].map((tz) => ({
        test: {
          name: `tz:${tz}`,
          environment: 'node',
          include: ['tests/**/*.tz.test.ts'],
          env: { TZ: tz },
          pool: 'forks' as const,
          testTimeout: 30_000,
        },
      })),
      {
        plugins: [react()],
        test: {
          name: 'components',
          environment: 'jsdom',
          include: ['tests/components/**/*.test.tsx'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
