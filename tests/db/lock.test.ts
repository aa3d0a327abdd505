import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { applyEntries, restoreChange, saveNote, setIndicatorValue, setSpending, undoChanges } from '@/db/actualsRepository'
import type { MonitorDatabase } from '@/db/database'
import { isMonthLocked, listLocks, lockMonth, MonthLockedError, ReopenReasonMissingError, reopenMonth } from '@/db/lockRepository'
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

describe('已报送 month locks', () => {
  it('locks a department month and logs who did it', async () => {
    await lockMonth(2021, '201001', 7, '王会计', database)
    expect(await isMonthLocked(2021, '201001', 7, database)).toBe(true)
    expect(await isMonthLocked(2021, '201001', 8, database)).toBe(false)
    expect((await listLocks(2021, '201001', database)).map((l) => [l.month, l.lockedBy])).toEqual([[7, '王会计']])
    const log = await database.changes.where('kind').equals('lock').toArray()
    expect(log.map((row) => [row.month, row.actor, row.summary])).toEqual([[7, '王会计', '2021年7月标记已报送（201001）']])
  })

  it.each<[string, () => Promise<unknown>]>([
    ['spending', () => setSpending(PROJECT, 7, 100, '李四', database)],
    ['clearing spending', () => setSpending(PROJECT, 7, null, '李四', database)],
    ['an indicator', () => setIndicatorValue(SHOWS, 7, { value: 3, manualStatus: null }, '李四', database)],
    ['a note', () => saveNote({ projectId: PROJECT, month: 7, reasons: [], explanation: 'x', likelihood: null, actions: '' }, '李四', database)],
    ['a batch', () => applyEntries([{ kind: 'spending', projectId: PROJECT, month: 6, amount: 5 }, { kind: 'spending', projectId: PROJECT, month: 7, amount: 5 }], '李四', database)],
  ])('refuses %s in a locked month, in the repository, storing nothing', async (_, write) => {
    await setSpending(PROJECT, 7, 500, '王会计', database)
    await lockMonth(2021, '201001', 7, '王会计', database)
    const before = await database.changes.count()
    await expect(write()).rejects.toThrow(MonthLockedError)
    await expect(write()).rejects.toThrow(/已报送并锁定.*重新打开/)
    expect(await database.spending.get([PROJECT, 7])).toMatchObject({ amount: 500 })
    expect(await database.spending.get([PROJECT, 6])).toBeUndefined()
    expect(await database.indicatorValues.count()).toBe(0)
    expect(await database.notes.count()).toBe(0)
    expect(await database.changes.count()).toBe(before)
  })

  it('refuses undo and restore into a locked month', async () => {
    const id = await setSpending(PROJECT, 7, 500, '王会计', database)
    await lockMonth(2021, '201001', 7, '王会计', database)
    await expect(undoChanges([id as number], '王会计', database)).rejects.toThrow(MonthLockedError)
    await expect(restoreChange(id as number, 'old', '王会计', database)).rejects.toThrow(MonthLockedError)
    expect(await database.spending.get([PROJECT, 7])).toMatchObject({ amount: 500 })
  })

  it('does not lock another department or year', async () => {
    await lockMonth(2021, '999999', 7, '王会计', database)
    await lockMonth(2020, '201001', 7, '王会计', database)
    await expect(setSpending(PROJECT, 7, 100, '王会计', database)).resolves.not.toBeNull()
  })

  it('reopens explicitly, logging the reopening and its reason, and then accepts edits', async () => {
    await lockMonth(2021, '201001', 7, '王会计', database)
    await reopenMonth(2021, '201001', 7, '张科长', '更正7月支出', database)
    expect(await isMonthLocked(2021, '201001', 7, database)).toBe(false)
    const log = await database.changes.where('kind').equals('lock').toArray()
    expect(log.map((row) => [row.actor, row.summary, row.newValue === null])).toEqual([
      ['王会计', '2021年7月标记已报送（201001）', false],
      ['张科长', '2021年7月重新打开（201001，原因：更正7月支出）', true],
    ])
    await expect(setSpending(PROJECT, 7, 100, '王会计', database)).resolves.not.toBeNull()
  })

  it.each(['', '   '])('refuses to reopen without a reason (%j): the month stays locked, nothing is logged', async (reason) => {
    await lockMonth(2021, '201001', 7, '王会计', database)
    await expect(reopenMonth(2021, '201001', 7, '张科长', reason, database)).rejects.toBeInstanceOf(ReopenReasonMissingError)
    expect(await isMonthLocked(2021, '201001', 7, database)).toBe(true)
    expect(await database.changes.where('kind').equals('lock').count()).toBe(1)
  })

  it('does not log locking twice or reopening an open month', async () => {
    await lockMonth(2021, '201001', 7, '王会计', database)
    await lockMonth(2021, '201001', 7, '王会计', database)
    await reopenMonth(2021, '201001', 8, '王会计', '', database)
    expect(await database.changes.where('kind').equals('lock').count()).toBe(1)
  })
})
