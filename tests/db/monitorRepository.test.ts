import { afterEach, describe, expect, it } from 'vitest'
import { setIndicatorValue, setSpending } from '@/db/actualsRepository'
import type { MonitorDatabase } from '@/db/database'
import { importDocument } from '@/db/importRepository'
import { departmentsInYear, loadCatalog, loadLatestDataMonth, loadProject, loadProjectData, type Scope } from '@/db/monitorRepository'
import type { Month } from '@/domain/types'
import { freshDatabase, sampleDocument } from './factories'

let database: MonitorDatabase
afterEach(async () => {
  await database.delete()
})

/** Three departments' documents whose codes and years share leading characters. */
async function seedNeighbours() {
  database = freshDatabase()
  const docs = [
    sampleDocument({ year: 2021, department: { code: '201001', name: '甲局' } }),
    sampleDocument({ year: 2021, department: { code: '2010011', name: '乙局' } }),
    sampleDocument({ year: 20211, department: { code: '201001', name: '甲局' } }),
  ]
  for (const doc of docs) await importDocument(doc, { fileName: 'x', actor: '测试' }, database)
  await setSpending('2021/201001/201-01-A', 1, 100, '测试', database)
  await setSpending('2021/2010011/201-01-A', 1, 200, '测试', database)
  await setSpending('20211/201001/201-01-A', 1, 300, '测试', database)
}

describe('loadCatalog', () => {
  it.each<[number | null, string[]]>([
    [2021, ['201001', '2010011']],
    // 乙局 has no projects in 20211: it is not offered there (it led to 还没有项目).
    [20211, ['201001']],
    [null, ['201001', '2010011']],
    [1999, []],
  ])('offers under year %s only the departments with projects: %j', async (year, codes) => {
    await seedNeighbours()
    const catalog = await loadCatalog(database)
    expect(catalog.years).toEqual([20211, 2021])
    expect(departmentsInYear(catalog, year).map((d) => d.code)).toEqual(codes)
  })
})

describe('loadProjectData', () => {
  it('loads one department of one year, with only its own actuals', async () => {
    await seedNeighbours()
    const rows = await loadProjectData({ year: 2021, departmentCode: '201001' }, database)
    expect(rows.map((row) => row.project.id)).toEqual(['2021/201001/201-01-A', '2021/201001/201-01-B'])
    expect(rows.flatMap((row) => row.spending.map((s) => s.amount))).toEqual([100])
    expect(rows.flatMap((row) => row.indicators)).toHaveLength(3)
  })

  it('loads every department of a year and nothing of another year', async () => {
    await seedNeighbours()
    const rows = await loadProjectData({ year: 2021, departmentCode: null }, database)
    expect(rows.map((row) => row.project.departmentCode)).toEqual(['201001', '201001', '2010011', '2010011'])
    expect(rows.flatMap((row) => row.spending.map((s) => s.amount)).sort()).toEqual([100, 200])
  })
})

/** The first indicator of a project (ids are `<projectId>#<n>`). */
async function firstIndicatorOf(projectId: string): Promise<string> {
  const indicator = await database.indicators.where('projectId').equals(projectId).first()
  if (!indicator) throw new Error(`no indicator for ${projectId}`)
  return indicator.id
}

describe('loadLatestDataMonth', () => {
  const A = '2021/201001/201-01-A'
  const B = '2021/201001/201-01-B'
  const EMPTY = { value: null, manualStatus: null }

  it('is null for a scope with nothing entered', async () => {
    await seedNeighbours()
    expect(await loadLatestDataMonth({ year: 2022, departmentCode: null }, database)).toBeNull()
  })

  it.each<[string, Scope, Month | null]>([
    ['one department: its spending (1月) and its later indicator value (5月)', { year: 2021, departmentCode: '201001' }, 5],
    ['all departments of the year: the neighbour department spent in 9月', { year: 2021, departmentCode: null }, 9],
    ['a year whose id shares the prefix (20211) counts only its own rows', { year: 20211, departmentCode: null }, 1],
  ])('%s → %s', async (_label, scope, expected) => {
    await seedNeighbours()
    await setIndicatorValue(await firstIndicatorOf(B), 5, { value: 3, manualStatus: null }, '测试', database)
    await setSpending('2021/2010011/201-01-A', 9, 0, '测试', database)
    expect(await loadLatestDataMonth(scope, database)).toBe(expected)
  })

  it('counts a status set by hand after the last spending, and not a stored empty cell', async () => {
    await seedNeighbours()
    const indicator = await firstIndicatorOf(A)
    const scope = { year: 2021, departmentCode: '201001' }
    // A backup may hold an entry with neither a number nor a status: it is not data.
    await database.indicatorValues.put({ indicatorId: indicator, projectId: A, month: 11, ...EMPTY })
    expect(await loadLatestDataMonth(scope, database)).toBe(1)
    await setIndicatorValue(indicator, 10, { value: null, manualStatus: 'red' }, '测试', database)
    expect(await loadLatestDataMonth(scope, database)).toBe(10)
    // Spending later than every indicator entry wins.
    await setSpending(A, 12, 100, '测试', database)
    expect(await loadLatestDataMonth(scope, database)).toBe(12)
  })
})

describe('loadProject', () => {
  it('loads one project with only its own rows, not those of a project whose id extends it', async () => {
    database = freshDatabase()
    const doc = sampleDocument()
    const [first] = doc.projects
    if (!first) throw new Error('sample document has no project')
    await importDocument({ ...doc, projects: [first, { ...first, code: '201-01-A1', name: '文化下乡活动经费（二期）' }] }, { fileName: 'x', actor: '测试' }, database)
    await setSpending('2021/201001/201-01-A', 2, 100, '测试', database)
    await setSpending('2021/201001/201-01-A1', 3, 200, '测试', database)
    await setIndicatorValue(await firstIndicatorOf('2021/201001/201-01-A1'), 3, { value: 7, manualStatus: null }, '测试', database)

    const data = await loadProject('2021/201001/201-01-A', database)
    expect(data?.project.name).toBe('文化下乡活动经费')
    expect(data?.spending.map((s) => [s.month, s.amount])).toEqual([[2, 100]])
    expect(data?.values).toEqual([])
    expect(data?.indicators.map((i) => i.name)).toEqual(['送戏下乡场次', '群众满意率'])
    expect(await loadProject('2021/201001/nope', database)).toBeNull()
  })
})
