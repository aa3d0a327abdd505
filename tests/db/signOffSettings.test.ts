import { afterEach, describe, expect, it } from 'vitest'
import { exportBackup, restoreBackup } from '@/db/backupRepository'
import type { MonitorDatabase } from '@/db/database'
import { getSettings, getSignOff, saveSettings, saveSignOff } from '@/db/settingsRepository'
import { parseBackupText } from '@/schema/backup'
import { createBackupFile } from '@/schema/backupFile'
import type { SignOff } from '@/domain/signOff'
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

const BLOCK: SignOff = { preparer: '王会计', phone: '0335-4041234', unitHead: '赵局长', financeHead: '钱科长', date: '' }

describe('the 监控表 sign-off block, kept per department in the settings', () => {
  it('is kept for each department on its own and leaves the other settings alone', async () => {
    const database = open()
    await saveSettings({ actor: '王会计' }, database)
    await saveSignOff('315002', BLOCK, database)
    await saveSignOff('201001', { ...BLOCK, unitHead: '孙主任' }, database)
    expect(await getSignOff('315002', database)).toEqual(BLOCK)
    expect((await getSignOff('201001', database))?.unitHead).toBe('孙主任')
    expect(await getSignOff('999999', database)).toBeNull()
    expect((await getSettings(database)).actor).toBe('王会计')
  })

  it('goes into the backup file and comes back on restore', async () => {
    const source = open()
    await saveSignOff('315002', BLOCK, source)
    const snapshot = await exportBackup(source)
    const read = parseBackupText(JSON.stringify(createBackupFile(snapshot.tables, snapshot.extraTables, new Date())))
    if (!read.ok) throw new Error(read.error)
    const target = open()
    await restoreBackup({ tables: read.backup.tables, extraTables: { ...read.backup.extraTables } }, target)
    expect(await getSignOff('315002', target)).toEqual(BLOCK)
  })
})
