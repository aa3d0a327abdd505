import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { setSpending } from '@/db/actualsRepository'
import { exportBackup, restoreBackup } from '@/db/backupRepository'
import { createDatabase, SCHEMA_VERSIONS, type MonitorDatabase } from '@/db/database'
import { observeFigures, refreshFigures, storedFigureRows, type FigureView } from '@/db/figureRepository'
import { loadProjectDataFromRows } from '@/db/monitorRepository'
import { saveSettings } from '@/db/settingsRepository'
import { stopSharedSources } from '@/db/sharedSource'
import { evaluateProjectData } from '@/domain/projectEvaluation'
import { figuresOf, thresholdsKey } from '@/domain/projectFigures'
import { DEFAULT_THRESHOLDS, type Month, type Thresholds } from '@/domain/types'
import { DEMO_DEPARTMENT, DEMO_YEAR, FLC6, loadRealDemo } from './demoDatabase'
import { freshDatabase } from './factories'

let database: MonitorDatabase
afterEach(async () => {
  stopSharedSources()
  database.close()
  await database.delete()
})

const PREFIX = `${DEMO_YEAR}/${DEMO_DEPARTMENT}/`
const STRICT: Thresholds = { ...DEFAULT_THRESHOLDS, yellowFrom: 0, redBelow: -1 }

/** The demo's figures at a month as evaluation computes them from its rows, in document order. */
async function evaluatedAt(month: Month, t: Thresholds = DEFAULT_THRESHOLDS) {
  const data = await loadProjectDataFromRows({ year: DEMO_YEAR, departmentCode: DEMO_DEPARTMENT }, database)
  return data.map((row) => figuresOf(evaluateProjectData(row, month, t)))
}

/** Subscribes to observeFigures and collects what it emits. */
function watchFigures(month: Month | null, t: Thresholds = DEFAULT_THRESHOLDS, db: MonitorDatabase = database) {
  const emitted: FigureView[] = []
  const subscription = observeFigures(PREFIX, month, t, db).subscribe({ next: (view) => emitted.push(view), error: (e) => { throw e } })
  return { emitted, stop: () => subscription.unsubscribe() }
}

describe('observeFigures', () => {
  it.each<[string, Month | null, Month]>([
    ['the month asked for', 3, 3],
    ['the latest month with data when none is asked for', null, 7],
  ])('shows the stored figures at %s, equal to the evaluation', async (_, asked, shown) => {
    database = freshDatabase()
    await loadRealDemo(database)
    const { emitted, stop } = watchFigures(asked)
    await expect.poll(() => emitted.length).toBe(1)
    stop()
    expect(emitted[0]!.month).toBe(shown)
    expect(emitted[0]!.latest).toBe(7)
    expect(emitted[0]!.stale).toEqual([])
    expect(emitted[0]!.figures).toEqual(await evaluatedAt(shown))
  })

  it('follows a write made in another tab, re-reading only the written project, and moves to a later month', async () => {
    database = freshDatabase()
    await loadRealDemo(database)
    const other = createDatabase(database.name)
    const { emitted, stop } = watchFigures(null)
    await expect.poll(() => emitted.length).toBe(1)
    await setSpending(FLC6, 9, 50_000, '测', other)
    await expect.poll(() => emitted.at(-1)!.month).toBe(9)
    expect(emitted.at(-1)!.figures).toEqual(await evaluatedAt(9))
    await setSpending(FLC6, 9, 60_000, '测', other)
    await expect.poll(() => emitted.at(-1)!.figures.find((f) => f.project.id === FLC6)!.spend.executed).toBe((await evaluatedAt(9)).find((f) => f.project.id === FLC6)!.spend.executed)
    const [before, after] = emitted.slice(-2) as [FigureView, FigureView]
    // The other projects keep their objects: nothing else was read again.
    expect(after.figures.filter((f, i) => f === before.figures[i]).length).toBe(before.figures.length - 1)
    stop()
    other.close()
  })

  it('calls the figures stale after a thresholds change, until refreshFigures rewrites them under the new ones', async () => {
    database = freshDatabase()
    await loadRealDemo(database)
    await saveSettings({ thresholds: STRICT }, database)
    const { emitted, stop } = watchFigures(6, STRICT)
    await expect.poll(() => emitted.length).toBe(1)
    expect(emitted[0]!.stale.length).toBe(5)
    expect(emitted[0]!.figures).toEqual([])
    await refreshFigures(emitted[0]!.stale, database)
    await expect.poll(() => emitted.at(-1)!.stale.length).toBe(0)
    stop()
    const strict = await evaluatedAt(6, STRICT)
    expect(emitted.at(-1)!.figures).toEqual(strict)
    // The stricter thresholds do change what is shown: a test of the rewrite, not of nothing.
    expect(strict).not.toEqual(await evaluatedAt(6))
    expect((await storedFigureRows(database)).every((row) => row.t === thresholdsKey(STRICT))).toBe(true)
  })
})

describe('stored figures', () => {
  it.each([7, 8])('are built by the v9 upgrade from the summaries of a v%i profile, under its saved thresholds, a record per department and month', async (version) => {
    database = freshDatabase()
    await loadRealDemo(database)
    await saveSettings({ thresholds: STRICT }, database)
    const tables = Object.fromEntries(await Promise.all(database.tables.filter((t) => t.name !== 'departmentFigures').map(async (t) => [t.name, await t.toArray()] as const)))
    const name = database.name
    database.close()
    await Dexie.delete(name)
    const old = new Dexie(name)
    old.version(version).stores(Object.assign({}, ...SCHEMA_VERSIONS.filter((v) => v.version <= version).map((v) => v.stores)) as Record<string, string>)
    await old.open()
    for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkAdd(rows)
    // v8 kept a row a project and month (here one under other thresholds: the upgrade drops it).
    if (version === 8) await old.table('projectFigures').bulkAdd([{ month: 7, projectId: `${PREFIX}x`, departmentCode: DEMO_DEPARTMENT, order: 9, t: '{}', latest: 7, figures: null }])
    old.close()
    database = createDatabase(name)
    await database.open()
    expect(database.tables.map((t) => t.name)).not.toContain('projectFigures')
    expect(await database.departmentFigures.count()).toBe(12)
    expect((await storedFigureRows(database)).length).toBe(5 * 12)
    const { emitted, stop } = watchFigures(7, STRICT)
    await expect.poll(() => emitted.length).toBe(1)
    stop()
    expect(emitted[0]!.stale).toEqual([])
    expect(emitted[0]!.figures).toEqual(await evaluatedAt(7, STRICT))
  })

  it('are rebuilt by a restore under the thresholds of the backup, not of the browser', async () => {
    database = freshDatabase()
    await loadRealDemo(database)
    await saveSettings({ thresholds: STRICT }, database)
    const snapshot = await exportBackup(database)
    await saveSettings({ thresholds: DEFAULT_THRESHOLDS }, database)
    await restoreBackup(snapshot, database)
    const { emitted, stop } = watchFigures(7, STRICT)
    await expect.poll(() => emitted.length).toBe(1)
    stop()
    expect(emitted[0]!.stale).toEqual([])
    expect(emitted[0]!.figures).toEqual(await evaluatedAt(7, STRICT))
  })
})
