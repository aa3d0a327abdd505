import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { applyEntries, saveNote, setIndicatorValue, setSpending, undoChanges } from '@/db/actualsRepository'
import { addBudgetAdjustment, addBudgetTransfer, addTargetAdjustment, removeBudgetAdjustment, removeTargetAdjustment } from '@/db/adjustmentRepository'
import { exportBackup, restoreBackup } from '@/db/backupRepository'
import { createDatabase, SCHEMA_VERSIONS, type MonitorDatabase } from '@/db/database'
import { clearDemo } from '@/db/demoRepository'
import { importDocument } from '@/db/importRepository'
import { setIndicatorKind } from '@/db/indicatorRepository'
import { loadProjectData, loadProjectDataFromRows, observeProjectData, scopeKeyPrefix, type Scope } from '@/db/monitorRepository'
import { restoreIndicator, setProjectArchived } from '@/db/projectRegisterRepository'
import { storedFigureRows } from '@/db/figureRepository'
import { rebuildSummaries, stopSummarySources } from '@/db/summaryRepository'
import { evaluateShownAt, type ProjectData } from '@/domain'
import { figuresOf, thresholdsKey } from '@/domain/projectFigures'
import { activeProjectDataAt } from '@/domain/projectRegister'
import { DEFAULT_THRESHOLDS, MONTHS } from '@/domain/types'
import type { DatabaseTables } from '@/db/backupRepository'
import { writeBureauBackup } from '../../mock-data/bureauBackup'
import type { BureauOptions } from '../../mock-data/bureau'
import { DEMO_DEPARTMENT, DEMO_YEAR, FLC6, loadRealDemo } from './demoDatabase'
import { freshDatabase, sampleDocument } from './factories'

let database: MonitorDatabase
afterEach(async () => {
  database.close()
  await database.delete()
})

const DEMO: Scope = { year: DEMO_YEAR, departmentCode: DEMO_DEPARTMENT }

/** Every project's evaluation at every as-of month, as the overview computes it (archived ones dropped). */
const evaluationsByMonth = (data: readonly ProjectData[]) =>
  MONTHS.map((month) => evaluateShownAt(activeProjectDataAt(data, month), [], month, DEFAULT_THRESHOLDS).evaluations)

/** The stored figures (v8) of a scope's projects at each month, in document order, under the default thresholds. */
async function storedFiguresByMonth(scope: Scope) {
  const prefix = scopeKeyPrefix(scope)
  const rows = (await storedFigureRows(database)).filter((row) => row.projectId.startsWith(prefix))
  expect(rows.every((row) => row.t === thresholdsKey(DEFAULT_THRESHOLDS))).toBe(true)
  const order = (a: (typeof rows)[number], b: (typeof rows)[number]) => a.departmentCode.localeCompare(b.departmentCode) || a.order - b.order
  return MONTHS.map((month) => rows.filter((row) => row.month === month).sort(order).flatMap((row) => (row.figures ? [row.figures] : [])))
}

/** Summaries and rows give the same project data and the same evaluations at every month; the stored figures are theirs. */
async function expectSameAsRows(scope: Scope) {
  const [fromSummaries, fromRows] = await Promise.all([loadProjectData(scope, database), loadProjectDataFromRows(scope, database)])
  expect(fromSummaries.length).toBe(fromRows.length)
  expect(fromSummaries).toEqual(fromRows)
  const evaluations = evaluationsByMonth(fromRows)
  expect(evaluationsByMonth(fromSummaries)).toEqual(evaluations)
  expect(await storedFiguresByMonth(scope)).toEqual(evaluations.map((list) => list.map(figuresOf)))
  // Twelve rows a project, one per month, and none of a project no longer stored.
  const prefix = scopeKeyPrefix(scope)
  const stored = (await storedFigureRows(database)).filter((row) => row.projectId.startsWith(prefix))
  expect(stored.length).toBe(12 * (await database.projects.where(':id').between(prefix, prefix + '\uffff').count()))
}

/** A small generated bureau (3 departments × 6 projects, two years), restored from its backup file. */
async function restoreGeneratedBureau(options: BureauOptions) {
  const chunks: string[] = []
  await writeBureauBackup(options, (chunk) => void chunks.push(chunk))
  const file = JSON.parse(chunks.join('')) as { tables: DatabaseTables }
  await restoreBackup({ tables: file.tables, extraTables: {} }, database)
}

const SMALL_BUREAU: BureauOptions = { seed: 7, departments: 3, projectsPerDepartment: 6, years: [2023, 2024], throughMonth: 7 }

describe('project summaries read as the monthly rows', () => {
  it('give the demo the same data and evaluations at every month as its rows', async () => {
    database = freshDatabase()
    await loadRealDemo(database)
    const data = await loadProjectData(DEMO, database)
    expect(data.length).toBeGreaterThan(0)
    expect(data.some((row) => row.spending.length > 0 && row.values.length > 0 && row.notes.length > 0)).toBe(true)
    await expectSameAsRows(DEMO)
  })

  it.each<[string, Scope]>([
    ['all departments of the last year', { year: 2024, departmentCode: null }],
    ['all departments of an earlier year', { year: 2023, departmentCode: null }],
    ['one department', { year: 2024, departmentCode: '' }],
  ])('give a restored generated bureau the same data and evaluations at every month (%s)', async (_, scope) => {
    database = freshDatabase()
    await restoreGeneratedBureau(SMALL_BUREAU)
    const [first] = await loadProjectDataFromRows({ year: 2024, departmentCode: null }, database)
    const chosen = scope.departmentCode === '' ? { ...scope, departmentCode: first!.project.departmentCode } : scope
    const data = await loadProjectData(chosen, database)
    expect(data.length).toBe(chosen.departmentCode === null ? 18 : 6)
    await expectSameAsRows(chosen)
  })

  it('are built by the v7 upgrade from the rows of a v6 profile', async () => {
    database = freshDatabase()
    await loadRealDemo(database)
    const expected = await loadProjectDataFromRows(DEMO, database)
    const tables = Object.fromEntries(await Promise.all(database.tables.filter((t) => !['projectSummaries', 'departmentFigures'].includes(t.name)).map(async (t) => [t.name, await t.toArray()] as const)))
    const name = database.name
    database.close()
    await Dexie.delete(name)
    const v6 = new Dexie(name)
    v6.version(6).stores(Object.assign({}, ...SCHEMA_VERSIONS.filter((v) => v.version <= 6).map((v) => v.stores)) as Record<string, string>)
    await v6.open()
    for (const [table, rows] of Object.entries(tables)) await v6.table(table).bulkAdd(rows)
    v6.close()
    database = createDatabase(name)
    await database.open()
    expect(await database.projectSummaries.count()).toBe(expected.length)
    expect(await loadProjectData(DEMO, database)).toEqual(expected)
  })

  it('are not carried in a backup, and a restore builds them from the rows (ignoring any in the file)', async () => {
    database = freshDatabase()
    await loadRealDemo(database)
    const snapshot = await exportBackup(database)
    expect(Object.keys(snapshot.extraTables)).not.toContain('projectSummaries')
    await setSpending(FLC6, 12, 1, '测', database)
    const stale = [{ projectId: FLC6, order: 0 }]
    await restoreBackup({ tables: snapshot.tables, extraTables: { ...snapshot.extraTables, projectSummaries: stale } }, database)
    expect((await loadProjectData(DEMO, database)).find((row) => row.project.id === FLC6)!.spending.some((s) => s.month === 12)).toBe(false)
    await expectSameAsRows(DEMO)
  })

  it('are rebuilt by rebuildSummaries after being lost', async () => {
    database = freshDatabase()
    await loadRealDemo(database)
    await database.projectSummaries.clear()
    expect(await loadProjectData(DEMO, database)).toEqual([])
    await rebuildSummaries(database)
    await expectSameAsRows(DEMO)
  })
})

/** Each kind of write, on the demo; every one must leave the summaries equal to the rows. */
const WRITES: readonly [string, (db: MonitorDatabase, other: string) => Promise<unknown>][] = [
  ['a typed spending', (db) => setSpending(FLC6, 8, 123_456, '测', db)],
  ['a cleared spending', (db) => setSpending(FLC6, 1, null, '测', db)],
  ['an indicator value', (db) => setIndicatorValue(`${FLC6}#1`, 8, { value: 42, manualStatus: null }, '测', db)],
  ['a hand-set status', (db) => setIndicatorValue(`${FLC6}#1`, 9, { value: null, manualStatus: 'red' }, '测', db)],
  ['a note', (db) => saveNote({ projectId: FLC6, month: 8, reasons: ['funding'], explanation: '说明', likelihood: 'possible', actions: '措施' }, '测', db)],
  ['a paste over two projects', (db, other) => applyEntries([{ kind: 'spending', projectId: FLC6, month: 9, amount: 5 }, { kind: 'spending', projectId: other, month: 9, amount: 6 }], '测', db)],
  [
    'an undo',
    async (db) => {
      const id = await setSpending(FLC6, 10, 999, '测', db)
      await undoChanges([id!], '测', db)
    },
  ],
  ['a 追加', (db) => addBudgetAdjustment({ projectId: FLC6, date: `${DEMO_YEAR}-05-10`, fiscal: 1_000_000, other: 0, documentNo: '文1', reason: '追加' }, '测', db)],
  ['a 调剂', (db, other) => addBudgetTransfer({ fromProjectId: FLC6, toProjectId: other, date: `${DEMO_YEAR}-05-10`, fiscal: 100, other: 0, documentNo: '文2', reason: '调剂' }, '测', db)],
  [
    'a removed 调剂',
    async (db, other) => {
      await addBudgetTransfer({ fromProjectId: FLC6, toProjectId: other, date: `${DEMO_YEAR}-05-10`, fiscal: 100, other: 0, documentNo: '文3', reason: '调剂' }, '测', db)
      const [row] = await db.budgetAdjustments.toArray()
      await removeBudgetAdjustment(row!.id!, '测', db)
    },
  ],
  ['a target version', (db) => addTargetAdjustment({ indicatorId: `${FLC6}#1`, month: 6, targetRaw: '≥1件', reason: '调整' }, '测', db)],
  [
    'a removed target version',
    async (db) => {
      const id = await addTargetAdjustment({ indicatorId: `${FLC6}#1`, month: 6, targetRaw: '≥1件', reason: '调整' }, '测', db)
      await removeTargetAdjustment(id, '测', db)
    },
  ],
  [
    'a 口径 choice',
    async (db) => {
      const numeric = (await db.indicators.where('projectId').equals(FLC6).toArray()).find((row) => row.kind !== 'qualitative' && row.targetValue !== null)
      await setIndicatorKind(numeric!.id, numeric!.kind === 'level' ? 'cumulative' : 'level', '测', db)
    },
  ],
  ['an archived project', (db) => setProjectArchived(FLC6, true, '测', db)],
  [
    'an archived project brought back',
    async (db) => {
      await setProjectArchived(FLC6, true, '测', db)
      await setProjectArchived(FLC6, false, '测', db)
    },
  ],
  [
    'an indicator brought back',
    async (db) => {
      await db.indicators.update(`${FLC6}#1`, { archivedAt: '2020-03-01T00:00:00.000Z' })
      await restoreIndicator(`${FLC6}#1`, '测', db)
    },
  ],
  ['the demo removed', (db) => clearDemo(db)],
]

describe('every write keeps the summaries equal to the rows', () => {
  it.each(WRITES)('after %s', async (_, write) => {
    database = freshDatabase()
    await loadRealDemo(database)
    const before = await loadProjectData(DEMO, database)
    const other = before.find((row) => row.project.id !== FLC6)!.project.id
    await write(database, other)
    await expectSameAsRows(DEMO)
  })

  it('after an import of another department and a re-import', async () => {
    database = freshDatabase()
    const document = sampleDocument({ year: 2021, department: { code: '201001', name: '甲局' } })
    await importDocument(document, { fileName: 'a', actor: '测' }, database)
    const scope = { year: 2021, departmentCode: '201001' }
    expect((await loadProjectData(scope, database)).length).toBe(document.projects.length)
    await importDocument({ ...document, projects: document.projects.slice(0, 1) }, { fileName: 'b', actor: '测' }, database)
    await expectSameAsRows(scope)
  })
})

describe('observeProjectData', () => {
  it('replaces only the written project: the others keep their objects', async () => {
    database = freshDatabase()
    await loadRealDemo(database)
    const emitted: ProjectData[][] = []
    const subscription = observeProjectData(DEMO, database).subscribe({ next: (value) => emitted.push(value), error: (e) => { throw e } })
    await expect.poll(() => emitted.length).toBe(1)
    await setSpending(FLC6, 11, 777, '测', database)
    await expect.poll(() => emitted.length).toBe(2)
    subscription.unsubscribe()
    const [first, second] = emitted as [ProjectData[], ProjectData[]]
    expect(second.find((row) => row.project.id === FLC6)!.spending.find((s) => s.month === 11)?.amount).toBe(777)
    expect(second.filter((row, i) => row === first[i]).length).toBe(first.length - 1)
    expect(second).toEqual(await loadProjectDataFromRows(DEMO, database))
  })

  it('sees a write made through another connection (another tab) and a project moved in the order', async () => {
    database = freshDatabase()
    await loadRealDemo(database)
    const other = createDatabase(database.name)
    const emitted: ProjectData[][] = []
    const subscription = observeProjectData(DEMO, database).subscribe({ next: (value) => emitted.push(value), error: (e) => { throw e } })
    await expect.poll(() => emitted.length).toBe(1)
    await setSpending(FLC6, 12, 4321, '测', other)
    await expect.poll(() => emitted.at(-1)!.find((row) => row.project.id === FLC6)!.spending.some((s) => s.amount === 4321)).toBe(true)
    // Moved to the end of its document: the order follows without a re-read of the scope.
    const summary = (await other.projectSummaries.get(FLC6))!
    await other.projectSummaries.put({ ...summary, order: 99 })
    await expect.poll(() => emitted.at(-1)!.at(-1)!.project.id).toBe(FLC6)
    subscription.unsubscribe()
    other.close()
  })

  it('gives a page that comes back the figures kept up to date meanwhile, at once and without a re-read', async () => {
    database = freshDatabase()
    await loadRealDemo(database)
    const first: ProjectData[][] = []
    const leaving = observeProjectData(DEMO, database).subscribe({ next: (value) => first.push(value), error: (e) => { throw e } })
    await expect.poll(() => first.length).toBe(1)
    leaving.unsubscribe()
    await setSpending(FLC6, 12, 2468, '测', database)
    // The write lands in the kept data while no page shows it.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const back: ProjectData[][] = []
    const returning = observeProjectData(DEMO, database).subscribe({ next: (value) => back.push(value), error: (e) => { throw e } })
    expect(back.length).toBe(1)
    expect(back[0]!.find((row) => row.project.id === FLC6)!.spending.some((s) => s.month === 12 && s.amount === 2468)).toBe(true)
    expect(back[0]!.filter((row, i) => row === first[0]![i]).length).toBe(first[0]!.length - 1)
    returning.unsubscribe()
    stopSummarySources()
  })
})
