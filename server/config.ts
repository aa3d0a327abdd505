// Settings from the environment, checked once at start with a clear message for a bad value.
import { resolve } from 'node:path'
import type { DatabaseTarget } from './db/database'

export interface ServerConfig {
  readonly host: string
  readonly port: number
  readonly database: DatabaseTarget
  readonly trustProxy: boolean
  readonly cookieSecure: boolean | 'auto'
  readonly staticDir: string
}

/** Reads PORT, HOST, DATA_DIR, DATABASE_URL, TRUST_PROXY and COOKIE_SECURE. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env['PORT'] ?? 8080)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env['PORT']}`)
  return {
    host: env['HOST'] ?? '127.0.0.1',
    port,
    database: readDatabaseTarget(env),
    trustProxy: isTrue(env['TRUST_PROXY']),
    cookieSecure: env['COOKIE_SECURE'] === undefined ? 'auto' : isTrue(env['COOKIE_SECURE']),
    staticDir: resolve(env['STATIC_DIR'] ?? 'dist'),
  }
}

/** DATABASE_URL=postgres://… for a PostgreSQL server; otherwise PGlite in DATA_DIR (./data). */
export function readDatabaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env['DATABASE_URL']
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error('DATABASE_URL must start with postgres:// or postgresql://')
    return { kind: 'postgres', url }
  }
  return { kind: 'pglite', dataDir: resolve(env['DATA_DIR'] ?? 'data') }
}

function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true' || value === 'yes'
}
