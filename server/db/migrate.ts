// Numbered plain-SQL migrations (server/migrations/NNN_name.sql), each applied in its own
// transaction and recorded with its checksum; a shipped migration is never edited.
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Database } from './database.ts'

export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url))

export interface Migration {
  readonly version: number
  readonly name: string
  readonly sql: string
  readonly checksum: string
}

/** Reads the migration files in version order; refuses gaps and duplicate numbers. */
export async function loadMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort()
  const migrations: Migration[] = []
  for (const file of files) {
    const match = /^(\d{3})_([a-z0-9_]+)\.sql$/.exec(file)
    if (!match) throw new Error(`Migration file name must look like 001_name.sql: ${file}`)
    const version = Number(match[1])
    if (version !== migrations.length + 1) throw new Error(`Migration ${file} is out of sequence (expected ${migrations.length + 1})`)
    const sql = await readFile(join(dir, file), 'utf8')
    migrations.push({ version, name: match[2] ?? '', sql, checksum: createHash('sha256').update(sql).digest('hex') })
  }
  return migrations
}

// Any constant works: it only has to be the same for every server process on this database.
const MIGRATION_LOCK = 815_014

/** Applies the migrations not yet recorded; returns the versions applied now. */
export async function migrate(db: Database, migrations?: readonly Migration[]): Promise<number[]> {
  const all = migrations ?? (await loadMigrations())
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`)
  const applied: number[] = []
  for (const migration of all) {
    const done = await db.transaction(async (tx) => {
      // Two servers starting together on one PostgreSQL database take turns here.
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
      const rows = await tx.query<{ checksum: string }>('SELECT checksum FROM schema_migrations WHERE version = $1', [migration.version])
      const recorded = rows[0]
      if (recorded) {
        if (recorded.checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.version} (${migration.name}) was changed after it was applied; add a new migration instead.`)
        }
        return false
      }
      await tx.runScript(migration.sql)
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [migration.version, migration.name, migration.checksum])
      return true
    })
    if (done) applied.push(migration.version)
  }
  return applied
}
