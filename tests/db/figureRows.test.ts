import { afterEach, describe, expect, it } from 'vitest'
import type { MonitorDatabase } from '@/db/database'
import { departmentFiguresOf, parseInSlices, rowsOfDepartment, scopeOfProject, writeFigureRows } from '@/db/figureRows'
import type { ProjectFigureRecord } from '@/db/records'
import { freshDatabase } from './factories'

let database: MonitorDatabase
afterEach(async () => {
  database.close()
  await database.delete()
})

const row = (projectId: string, order: number, month = 7, t = 'k'): ProjectFigureRecord => ({
  month,
  projectId,
  departmentCode: projectId.split('/')[1]!,
  order,
  t,
  latest: 7,
  figures: null,
})

/** The stored records as `month scope: ids in order`. */
async function stored(): Promise<string[]> {
  const records = await database.departmentFigures.toArray()
  return records.map((r) => `${r.month} ${r.scope}: ${rowsOfDepartment(r).map((x) => x.projectId.split('/')[2]).join(',')}`)
}

describe('department figure records', () => {
  it.each<[string, ProjectFigureRecord[], ProjectFigureRecord[], string[], string[]]>([
    ['rows of two departments go to their own records, in document order', [], [row('2024/B/b2', 2), row('2024/A/a1', 1), row('2024/B/b1', 1)], [], ['7 2024/A/: a1', '7 2024/B/: b1,b2']],
    ['a project written again replaces its row, the others stay', [row('2024/A/a1', 1), row('2024/A/a2', 2)], [row('2024/A/a2', 2, 7, 'new')], [], ['7 2024/A/: a1,a2']],
    ['a project added to a department takes its place by position', [row('2024/A/a1', 1), row('2024/A/a3', 3)], [row('2024/A/a2', 2)], [], ['7 2024/A/: a1,a2,a3']],
    ['a project gone leaves every month of its department', [row('2024/A/a1', 1), row('2024/A/a2', 2), row('2024/A/a2', 2, 8)], [], ['2024/A/a2'], ['7 2024/A/: a1']],
    ['a department whose last project is gone has no record left', [row('2024/A/a1', 1), row('2024/B/b1', 1)], [], ['2024/B/b1'], ['7 2024/A/: a1']],
    ['the same month of another year is another record', [row('2023/A/a1', 1)], [row('2024/A/a1', 1)], [], ['7 2023/A/: a1', '7 2024/A/: a1']],
  ])('%s', async (_, before, written, gone, expected) => {
    database = freshDatabase()
    await database.departmentFigures.bulkPut(departmentFiguresOf(before))
    await database.transaction('rw', database.departmentFigures, () => writeFigureRows((name) => database.table(name), written, gone))
    expect(await stored()).toEqual(expected)
    if (written.some((r) => r.t === 'new')) expect((await database.departmentFigures.toArray()).flatMap(rowsOfDepartment).map((r) => r.t)).toEqual(['k', 'new'])
  })

  it('keys a project by its year and department', () => {
    expect(scopeOfProject('2024/400001/400-000-00')).toBe('2024/400001/')
  })
})

describe('parseInSlices', () => {
  const records = departmentFiguresOf(Array.from({ length: 12 }, (_, i) => row(`2024/D${String(i).padStart(2, '0')}/p1`, 1)))

  it.each<[string, number, number]>([
    // ms the clock moves per reading of it → tasks the parse takes
    ['a quick parse runs in the task that asked', 0, 0],
    ['a slow one gives the page a turn about every 8 ms', 3, 3],
  ])('%s, and gives each department its rows in key order', async (_, step, yields) => {
    database = freshDatabase()
    let clock = 0
    const now = () => (clock += step)
    let turns = 0
    let isDone = false
    // Counts the tasks that run while the parse is under way.
    const count = () => setTimeout(() => {
      if (isDone) return
      turns++
      count()
    }, 0)
    count()
    const parsed = await parseInSlices(records, now)
    isDone = true
    expect([...parsed.keys()]).toEqual(records.map((r) => r.scope))
    expect([...parsed.values()].map((rows) => rows.map((r) => r.projectId))).toEqual(records.map((r) => rowsOfDepartment(r).map((x) => x.projectId)))
    expect(turns).toBe(yields)
  })
})
