import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { saveNote, setIndicatorValue, setSpending } from '@/db/actualsRepository'
import type { MonitorDatabase } from '@/db/database'
import { sampleDatabase } from './factories'

let database: MonitorDatabase
const PROJECT = '2021/201001/201-01-A'
const SHOWS = `${PROJECT}#1`

beforeEach(async () => {
  database = await sampleDatabase()
})
afterEach(async () => {
  await database.delete()
})

describe('monthly actuals', () => {
  it('stores spending in 分 and logs old → new with the actor', async () => {
    await setSpending(PROJECT, 4, 1_234_500, '王会计', database)
    await setSpending(PROJECT, 4, 1_300_000, '王会计', database)
    expect(await database.spending.get([PROJECT, 4])).toEqual({ projectId: PROJECT, month: 4, amount: 1_300_000 })
    const log = (await database.changes.toArray()).filter((row) => row.kind === 'spending')
    expect(log.map((row) => [row.oldValue, row.newValue, row.actor, row.month])).toEqual([
      [null, 1_234_500, '王会计', 4],
      [1_234_500, 1_300_000, '王会计', 4],
    ])
  })

  it('keeps a zero as a zero and a cleared month as not reported', async () => {
    await setSpending(PROJECT, 1, 0, '王会计', database)
    await setSpending(PROJECT, 2, 500_000, '王会计', database)
    await setSpending(PROJECT, 2, null, '王会计', database)
    expect(await database.spending.get([PROJECT, 1])).toMatchObject({ amount: 0 })
    expect(await database.spending.get([PROJECT, 2])).toBeUndefined()
  })

  it('does not log a write that changes nothing', async () => {
    await setSpending(PROJECT, 5, 100, '王会计', database)
    const count = await database.changes.count()
    await setSpending(PROJECT, 5, 100, '王会计', database)
    expect(await database.changes.count()).toBe(count)
  })

  it('refuses amounts that are not whole 分', async () => {
    await expect(setSpending(PROJECT, 5, 10.5, '王会计', database)).rejects.toThrow(RangeError)
    expect(await database.spending.count()).toBe(0)
  })

  it('stores indicator values per month with their project, and clears them', async () => {
    await setIndicatorValue(SHOWS, 3, { value: 12, manualStatus: null }, '王会计', database)
    expect(await database.indicatorValues.where('projectId').equals(PROJECT).toArray()).toEqual([
      { indicatorId: SHOWS, projectId: PROJECT, month: 3, value: 12, manualStatus: null },
    ])
    await setIndicatorValue(SHOWS, 3, { value: null, manualStatus: null }, '王会计', database)
    expect(await database.indicatorValues.count()).toBe(0)
  })

  it('saves a monitoring note per as-of month', async () => {
    const note = {
      projectId: PROJECT,
      month: 7 as const,
      reasons: ['funding' as const, 'other' as const],
      explanation: '上级资金未到位',
      likelihood: 'possible' as const,
      actions: '9月前完成支付',
    }
    await saveNote(note, '王会计', database)
    expect(await database.notes.get([PROJECT, 7])).toEqual(note)
  })
})
