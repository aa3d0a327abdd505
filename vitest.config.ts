import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

process.env.TZ = 'Asia/Shanghai'

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'node',
            environment: 'node',
            include: [
              'tests/domain/**/*.test.ts',
              'tests/presenters/**/*.test.ts',
              'tests/importers/**/*.test.ts',
              'tests/schema/**/*.test.ts',
              'tests/charts/**/*.test.ts',
              'tests/exporters/**/*.test.ts',
              'tests/mock-data/**/*.test.ts',
            ],
          },
        },
        {
          extends: true,
          test: {
            name: 'server',
            environment: 'node',
            include: ['tests/server/**/*.test.ts'],
            // Starts a throwaway PostgreSQL cluster (or fails in CI when there is none).
            globalSetup: ['tests/server/postgresCluster.ts'],
            // PGlite opens a WebAssembly Postgres per file; give slow shared machines room.
            testTimeout: 30_000,
            hookTimeout: 60_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'dom',
            environment: 'happy-dom',
            setupFiles: ['tests/setup-dom.ts'],
            // Element Plus components resolved on demand import their CSS; Node cannot load
            // .css, so those style entries go through Vite (which drops CSS in tests).
            server: { deps: { inline: [/element-plus\/es\/components\/.*\/style\//] } },
            include: ['tests/api/**/*.test.ts', 'tests/db/**/*.test.ts', 'tests/components/**/*.test.ts', 'tests/stores/**/*.test.ts', 'tests/composables/**/*.test.ts', 'tests/views/**/*.test.ts'],
          },
        },
      ],
    },
  }),
)
