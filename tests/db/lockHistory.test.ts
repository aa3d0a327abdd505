import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setSpending } from '@/db/actualsRepository'
import { listProjectChanges } from '@/db/changeLogRepository'
import type { MonitorDatabase } from '@/db/database'
import { lockMonth, reopenMonth } from '@/db/lockRepository'
import { sampleDatabase } from './factories'

let database: MonitorDatabase
const PROJECT = '2021/201001/201-01-A'
const OTHER = '2021/201001/201-01-B'

beforeEach(async () => {
  database = await sampleDatabase()
})
afterEach(async () => {
  await database.delete()
})

describe('lock and reopen events in a project history', () => {
  it("shows the department's lock and reopen (with the reason) in each of its projects' histories, newest first", async () => {
    await setSpending(PROJECT, 7, 500, '王会计', database)
    await lockMonth(2021, '201001', 7, '王会计', database)
    await reopenMonth(2021, '201001', 7, '李科长', '更正7月支出', database)
    for (const projectId of [PROJECT, OTHER]) {
      const rows = await listProjectChanges(projectId, 500, database)
      const locks = rows.filter((row) => row.kind === 'lock')
      expect(locks.map((row) => [row.month, row.actor])).toEqual([[7, '李科长'], [7, '王会计']])
      expect(locks[0]?.summary).toContain('原因：更正7月支出')
    }
    const own = await listProjectChanges(PROJECT, 500, database)
    expect(own.map((row) => row.kind).slice(0, 3)).toEqual(['lock', 'lock', 'spending'])
  })

  it.each([
    ['another department', 2021, '999999'],
    ['another year', 2022, '201001'],
  ])('leaves out locks of %s', async (_, year, departmentCode) => {
    await lockMonth(year, departmentCode, 7, '王会计', database)
    const rows = await listProjectChanges(PROJECT, 500, database)
    expect(rows.filter((row) => row.kind === 'lock')).toEqual([])
  })

  it('keeps the limit over the merged rows', async () => {
    await setSpending(PROJECT, 6, 100, '王会计', database)
    await lockMonth(2021, '201001', 7, '王会计', database)
    const rows = await listProjectChanges(PROJECT, 1, database)
    expect(rows.map((row) => row.kind)).toEqual(['lock'])
  })
})
