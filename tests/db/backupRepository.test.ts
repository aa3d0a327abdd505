import { afterEach, describe, expect, it } from 'vitest'
import { setIndicatorValue, setSpending } from '@/db/actualsRepository'
import { exportBackup, restoreBackup, RestoreRejectedError, type DatabaseSnapshot } from '@/db/backupRepository'
import { createDatabase, type MonitorDatabase } from '@/db/database'
import { loadDemo } from '@/db/demoRepository'
import { importDocument } from '@/db/importRepository'
import { setIndicatorKind } from '@/db/indicatorRepository'
import { loadProjectData } from '@/db/monitorRepository'
import { parseBackupText } from '@/schema/backup'
import { createBackupFile } from '@/schema/backupFile'
import { freshDatabase, sampleDocument } from './factories'
import { createLegacyProfile } from './legacyProfiles'

const databases: MonitorDatabase[] = []
afterEach(async () => {
  await Promise.all(databases.splice(0).map((database) => database.delete()))
})

function open(): MonitorDatabase {
  const database = freshDatabase()
  databases.push(database)
  return database
}

const ACTUALS = {
  spending: [
    { projectCode: '201-01-A', month: 1 as const, amount: 1_000_000 },
    { projectCode: '201-01-B', month: 2 as const, amount: 250_000 },
  ],
  values: [{ projectCode: '201-01-A', indicatorName: '送戏下乡场次', month: 1 as const, value: 5 }],
  notes: [{ projectCode: '201-01-A', month: 7 as const, reasons: ['funding' as const], explanation: '拨款晚', likelihood: 'possible' as const, actions: '' }],
}

async function filled(): Promise<MonitorDatabase> {
  const database = open()
  await loadDemo(sampleDocument(), ACTUALS, { fileName: 'demo.txt', warningCount: 2 }, database)
  await importDocument(sampleDocument({ year: 2022 }), { fileName: 'b.docx', actor: '测试' }, database)
  // A user's 口径 (kindOverride) on one indicator, back to the document's (null) on another.
  await setIndicatorKind('2021/201001/201-01-A#1', 'level', '测试', database)
  await setIndicatorKind('2021/201001/201-01-B#1', 'level', '测试', database)
  await setIndicatorKind('2021/201001/201-01-B#1', null, '测试', database)
  await database.monthLocks.put({ year: 2021, departmentCode: '201001', month: 6, lockedAt: '2021-07-05T00:00:00.000Z', lockedBy: '张' })
  await database.actionItems.add({ projectId: '2021/201001/201-01-A', month: 7, text: '加快', owner: '李', dueDate: '2021-09-30', status: 'open', closedMonth: null })
  // 会议关注 per meeting month: one project, two months, one of them back to automatic.
  await database.meetingAgendaFlags.bulkPut([
    { projectId: '2021/201001/201-01-B', month: 5, isOnAgenda: true },
    { projectId: '2021/201001/201-01-B', month: 7, isOnAgenda: null },
  ])
  return database
}

/** Every table's rows in key order, for comparing two databases. */
async function contents(database: MonitorDatabase): Promise<Record<string, unknown[]>> {
  const entries = await Promise.all(database.tables.map(async (table) => [table.name, await table.toArray()] as const))
  return Object.fromEntries(entries)
}

/** The snapshot as it comes back from a downloaded file: JSON, then validated. */
function throughFile(snapshot: DatabaseSnapshot): DatabaseSnapshot {
  const text = JSON.stringify(createBackupFile(snapshot.tables, snapshot.extraTables, new Date()))
  const read = parseBackupText(text)
  if (!read.ok) throw new Error(read.error)
  return { tables: read.backup.tables, extraTables: { ...read.backup.extraTables } }
}

describe('backup and restore', () => {
  it('export → file → restore into an empty database gives the same data, ++ ids included', async () => {
    const source = await filled()
    const snapshot = await exportBackup(source)
    expect(snapshot.tables.projects).toHaveLength(4)
    // The 报送 outbox (v6) is not in the backup schema yet: it travels as an extra table.
    expect(snapshot.extraTables).toEqual({ outbox: [] })

    const target = open()
    await restoreBackup(throughFile(snapshot), target)
    expect(await contents(target)).toEqual(await contents(source))
    expect(await target.indicators.get('2021/201001/201-01-A#1')).toMatchObject({ kind: 'cumulative', kindOverride: 'level' })
    expect(await target.indicators.get('2021/201001/201-01-B#1')).toMatchObject({ kindOverride: null })
    // Auto-incremented keys continue after the restored ones.
    const id = await target.changes.add({ at: 'x', actor: 'a', kind: 'note', projectId: null, indicatorId: null, month: null, oldValue: null, newValue: null, summary: '' })
    expect(id).toBeGreaterThan(Math.max(...snapshot.tables.changes.map((row) => row.id ?? 0)))
  })

  it('replaces everything: data entered after the backup is gone, changed data reverts', async () => {
    const database = await filled()
    const snapshot = throughFile(await exportBackup(database))
    const before = await contents(database)
    const [project] = await loadProjectData({ year: 2021, departmentCode: '201001' }, database)
    await setSpending(project!.project.id, 1, 9_999_000, '测试', database)
    await setIndicatorValue(project!.indicators[0]!.id, 3, { value: 40, manualStatus: null }, '测试', database)
    await importDocument(sampleDocument({ department: { code: '999001', name: '新单位' } }), { fileName: 'c.docx', actor: '测试' }, database)

    await restoreBackup(snapshot, database)
    expect(await contents(database)).toEqual(before)
  })

  it('a restore that fails midway leaves the database exactly as it was', async () => {
    const database = await filled()
    const before = await contents(database)
    const snapshot = await exportBackup(database)
    // The last table holds a duplicate key: the first tables are already cleared and
    // refilled when bulkAdd fails, so only the transaction can undo them.
    const item = snapshot.tables.actionItems[0]!
    const broken: DatabaseSnapshot = {
      tables: { ...snapshot.tables, departments: [], projects: [], actionItems: [item, item] },
      extraTables: {},
    }
    await expect(restoreBackup(broken, database)).rejects.toThrow(/写入「整改措施」表（actionItems）时数据库拒绝了备份中的记录.*未写入任何数据/)
    expect(await contents(database)).toEqual(before)
  })

  it('refuses a table this database does not have, writing nothing', async () => {
    const database = await filled()
    const before = await contents(database)
    const snapshot = await exportBackup(database)
    await expect(restoreBackup({ ...snapshot, extraTables: { attachments: [{ id: 1 }] } }, database)).rejects.toBeInstanceOf(
      RestoreRejectedError,
    )
    expect(await contents(database)).toEqual(before)
  })
})

describe('restoring a version 1 file (会议关注 in a table named agendaFlags)', () => {
  it('restores its flags into meetingAgendaFlags', async () => {
    const source = await filled()
    const snapshot = await exportBackup(source)
    const { meetingAgendaFlags, ...rest } = snapshot.tables
    const file = { ...createBackupFile(snapshot.tables, {}, new Date()), version: 1, tables: { ...rest, agendaFlags: meetingAgendaFlags } }
    const read = parseBackupText(JSON.stringify(file))
    if (!read.ok) expect.fail(read.error)
    const target = open()
    await restoreBackup({ tables: read.backup.tables, extraTables: read.backup.extraTables }, target)
    expect(await target.meetingAgendaFlags.toArray()).toEqual([
      { projectId: '2021/201001/201-01-B', month: 5, isOnAgenda: true },
      { projectId: '2021/201001/201-01-B', month: 7, isOnAgenda: null },
    ])
    expect(await contents(target)).toEqual(await contents(source))
  })
})

describe('restoring into a profile created before flags had a meeting month', () => {
  it('takes a fresh profile\'s backup with two flags of one project, flags intact', async () => {
    const source = await filled()
    const snapshot = throughFile(await exportBackup(source))
    const name = `old-profile-${Math.random().toString(36).slice(2)}`
    await createLegacyProfile(name, 'oldV2')
    const target = createDatabase(name)
    databases.push(target)
    await restoreBackup(snapshot, target)
    expect(await contents(target)).toEqual(await contents(source))
  })
})
