// Vitest global setup for the server tests: starts a throwaway PostgreSQL cluster and stops it
// afterwards. Without PostgreSQL the tests run on PGlite alone, except in CI (CI=true), where
// that is an error: the PostgreSQL tests must not be skipped silently.
import type { TestProject } from 'vitest/node'
import { findPgBin, startCluster } from './cluster'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the throwaway cluster, or null when PostgreSQL is not installed. */
    postgresUrl: string | null
  }
}

export default async function setup(project: TestProject) {
  const bin = findPgBin()
  if (bin === null) {
    if (process.env['CI'] === 'true') {
      throw new Error('CI=true but PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb, or PG_BIN): the PostgreSQL server tests would be skipped.')
    }
    console.warn('[server tests] PostgreSQL not found: running on PGlite only (install Debian\'s postgresql to run both).')
    project.provide('postgresUrl', null)
    return
  }
  const cluster = await startCluster(bin)
  project.provide('postgresUrl', cluster.url)
  return () => cluster.stop()
}
