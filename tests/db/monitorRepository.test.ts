import { afterEach, describe, expect, it } from 'vitest'
import { setSpending } from '@/db/actualsRepository'
import type { MonitorDatabase } from '@/db/database'
import { importDocument } from '@/db/importRepository'
import { loadProjectData } from '@/db/monitorRepository'
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
