import { afterEach, describe, expect, it } from 'vitest'
import { restoreBackup, RESTORE_BATCH_ROWS, type RestoreProgress } from '@/db/backupRepository'
import type { MonitorDatabase } from '@/db/database'
import { readBackupChunks } from '@/schema/backup'
import type { BackupValidation } from '@/schema/backupFile'
import { decodeUtf8Chunks } from '@/schema/jsonStream'
import type { BureauOptions } from '../../mock-data/bureau'
import { writeBureauBackup } from '../../mock-data/bureauBackup'
import { freshDatabase } from './factories'

const databases: MonitorDatabase[] = []
afterEach(async () => {
  await Promise.all(databases.splice(0).map((database) => database.delete()))
})
function open(): MonitorDatabase {
  const database = freshDatabase()
  databases.push(database)
  return database
}

// Three fiscal years of a small bureau: about 30k monthly rows, several restore batches.
const BUREAU: BureauOptions = { seed: 11, departments: 4, projectsPerDepartment: 50, years: [2022, 2023, 2024], throughMonth: 7 }

/** The generated backup file as UTF-8 bytes, cut into pieces of `size` bytes (characters split between pieces). */
async function bureauFileBytes(size: number): Promise<{ parts: Uint8Array[]; monthlyRows: number }> {
  const chunks: string[] = []
  const counts = await writeBureauBackup(BUREAU, (chunk) => void chunks.push(chunk))
  const bytes = new TextEncoder().encode(chunks.join(''))
  const parts = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size))
  return { parts, monthlyRows: counts.monthlyRows }
}

async function* streamOf(parts: Uint8Array[]) {
  for (const part of parts) yield part
}

async function readBureau(size: number): Promise<Extract<BackupValidation, { ok: true }> & { monthlyRows: number }> {
  const { parts, monthlyRows } = await bureauFileBytes(size)
  const validation = await readBackupChunks(decodeUtf8Chunks(streamOf(parts)))
  if (!validation.ok) throw new Error(validation.error)
  return { ...validation, monthlyRows }
}

// Tens of thousands of rows through fake-indexeddb on a shared machine: seconds, not milliseconds.
describe('restoring a generated multi-year bureau file, read in chunks and written in batches', { timeout: 60_000 }, () => {
  it('lands every row of every year, reporting progress batch by batch', async () => {
    const { backup, summary, monthlyRows } = await readBureau(65_536 + 1)
    expect(summary).toMatchObject({ projectCount: 600, indicatorCount: 1800, entryCount: monthlyRows, years: [2024, 2023, 2022] })
    const database = open()
    const progress: RestoreProgress[] = []
    await restoreBackup({ tables: backup.tables, extraTables: backup.extraTables }, database, undefined, (p) => void progress.push(p))

    expect(await database.table('spending').count()).toBe(backup.tables.spending.length)
    expect(await database.table('indicatorValues').count()).toBe(backup.tables.indicatorValues.length)
    expect(await database.table('projects').where('year').equals(2022).count()).toBe(200)
    // The file's rows, then one summary per project built from them (v7) and its figures at each month, a record per department (v9).
    expect(await database.table('projectSummaries').count()).toBe(600)
    expect(await database.table('departmentFigures').count()).toBe(3 * 4 * 12)
    const rowCount = 4 + 600 + 1800 + monthlyRows + 600 + 3 * 4 * 12
    // One report per batch of at most RESTORE_BATCH_ROWS rows, never going back, ending at the total.
    expect(progress.length).toBeGreaterThanOrEqual(Math.ceil(monthlyRows / RESTORE_BATCH_ROWS))
    expect(progress.every((p, i) => p.rowCount === rowCount && p.rowsWritten > (progress[i - 1]?.rowsWritten ?? 0))).toBe(true)
    expect(progress.every((p, i) => p.rowsWritten - (progress[i - 1]?.rowsWritten ?? 0) <= RESTORE_BATCH_ROWS)).toBe(true)
    expect(progress.at(-1)?.rowsWritten).toBe(rowCount)
    // The department figure texts (~40 KB each at 50 projects) go in small batches: no long task to hand one over.
    const figureBatches = progress.flatMap((p, i) => (p.tableName === 'departmentFigures' ? [p.rowsWritten - (progress[i - 1]?.rowsWritten ?? 0)] : []))
    expect(figureBatches.length).toBe(Math.ceil((3 * 4 * 12) / 50))
    expect(Math.max(...figureBatches)).toBeLessThanOrEqual(50)
  })

  it('reads the same backup whatever the chunk size (characters cut between chunks included)', async () => {
    const small = await readBureau(997)
    const large = await readBureau(4_000_000)
    expect(small.backup).toEqual(large.backup)
  })

  it('lets other tasks run between batches while the one transaction stays open', async () => {
    const { backup } = await readBureau(65_536)
    const database = open()
    let ticks = 0
    const ticksAtBatch: number[] = []
    const timer = setInterval(() => ticks++, 0)
    try {
      await restoreBackup({ tables: backup.tables, extraTables: backup.extraTables }, database, undefined, () => void ticksAtBatch.push(ticks))
    } finally {
      clearInterval(timer)
    }
    // The page's other work (a timer here; drawing and input in a browser) ran while the batches were written.
    expect(ticksAtBatch.at(-1)).toBeGreaterThan(ticksAtBatch[0] ?? 0)
    expect(await database.table('indicatorValues').count()).toBe(backup.tables.indicatorValues.length)
  })

  it('undoes every batch when the last one fails: one transaction, nothing half restored', async () => {
    const { backup } = await readBureau(65_536)
    const database = open()
    await database.table('departments').add({ code: '999999', name: '原有单位' })
    const values = backup.tables.indicatorValues
    // A row the database refuses (a duplicate key) in the very last batch.
    const broken = { ...backup.tables, indicatorValues: [...values, values[0]!] }
    const progress: RestoreProgress[] = []
    await expect(restoreBackup({ tables: broken, extraTables: {} }, database, undefined, (p) => void progress.push(p))).rejects.toThrow(/指标月度值|indicatorValues/)
    expect(progress.length).toBeGreaterThan(2)
    expect(await database.table('departments').toArray()).toEqual([{ code: '999999', name: '原有单位' }])
    expect(await database.table('spending').count()).toBe(0)
  })
})
