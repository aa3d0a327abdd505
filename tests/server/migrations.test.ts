import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadMigrations, migrate } from '../../server/db/migrate'
import { ENGINES, openTestDatabase, type TestDatabase } from './support'

describe.each(ENGINES)('migrations on %s', (engine) => {
  let test: TestDatabase
  beforeAll(async () => { test = await openTestDatabase(engine) })
  afterAll(async () => { await test.close() })

  it('records every shipped migration once and applies nothing on a second run', async () => {
    const shipped = await loadMigrations()
    const rows = await test.db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version')
    expect(rows).toEqual(shipped.map((m) => ({ version: m.version, name: m.name })))
    expect(await migrate(test.db)).toEqual([])
  })

  it('refuses to start when an applied migration was edited', async () => {
    const [first, ...rest] = await loadMigrations()
    const edited = { ...first!, checksum: 'different' }
    await expect(migrate(test.db, [edited, ...rest])).rejects.toThrow(/was changed after it was applied/)
  })

  it('rolls back a failing migration whole and does not record it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bpm-migrations-'))
    try {
      const shipped = await loadMigrations()
      shipped.forEach((m) => writeFileSync(join(dir, `${String(m.version).padStart(3, '0')}_${m.name}.sql`), m.sql))
      const next = String(shipped.length + 1).padStart(3, '0')
      writeFileSync(join(dir, `${next}_broken.sql`), 'CREATE TABLE half_done (id integer);\nSELECT no_such_function();\n')
      await expect(migrate(test.db, await loadMigrations(dir))).rejects.toThrow()
      const tables = await test.db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'")
      expect(tables).toEqual([])
      const recorded = await test.db.query('SELECT version FROM schema_migrations WHERE version = $1', [shipped.length + 1])
      expect(recorded).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses migration files out of sequence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bpm-migrations-'))
    try {
      writeFileSync(join(dir, '001_a.sql'), 'SELECT 1;')
      writeFileSync(join(dir, '003_c.sql'), 'SELECT 1;')
      await expect(loadMigrations(dir)).rejects.toThrow(/out of sequence/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
