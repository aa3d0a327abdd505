import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  applyEntries,
  restoreChange,
  saveNote,
  setIndicatorValue,
  setSpending,
  UndoConflictError,
  undoChanges,
} from '@/db/actualsRepository'
import type { MonitorDatabase } from '@/db/database'
import { sampleDatabase } from './factories'

let database: MonitorDatabase
const PROJECT = '2021/201001/201-01-A'
const OTHER = '2021/201001/201-01-B'
const SHOWS = `${PROJECT}#1`
const RATE = `${PROJECT}#2`

beforeEach(async () => {
  database = await sampleDatabase()
})
afterEach(async () => {
  await database.delete()
})

const amountOf = async (projectId: string, month: 1 | 4 | 5) => (await database.spending.get([projectId, month]))?.amount ?? null

describe('undo', () => {
  it('steps back one change at a time to the previous value, down to 未填报', async () => {
    const first = await setSpending(PROJECT, 4, 100_000, '王会计', database)
    const second = await setSpending(PROJECT, 4, 250_000, '王会计', database)
    await undoChanges([second as number], '王会计', database)
    expect(await amountOf(PROJECT, 4)).toBe(100_000)
    await undoChanges([first as number], '王会计', database)
    expect(await database.spending.get([PROJECT, 4])).toBeUndefined()
  })

  it('logs each undo as a change of its own', async () => {
    const id = await setSpending(PROJECT, 4, 100_000, '王会计', database)
    await undoChanges([id as number], '李四', database)
    const log = await database.changes.where('kind').equals('spending').toArray()
    expect(log.map((row) => [row.summary, row.oldValue, row.newValue, row.actor])).toEqual([
      ['4月支出', null, 100_000, '王会计'],
      ['撤销：4月支出', 100_000, null, '李四'],
    ])
  })

  it('undoes a whole paste at once, newest first', async () => {
    await setSpending(PROJECT, 5, 1, '王会计', database)
    const ids = await applyEntries(
      [
        { kind: 'spending', projectId: PROJECT, month: 5, amount: 2 },
        { kind: 'indicator', indicatorId: SHOWS, month: 5, entry: { value: 12, manualStatus: null } },
        { kind: 'spending', projectId: OTHER, month: 5, amount: 3 },
        { kind: 'spending', projectId: OTHER, month: 5, amount: 4 },
      ],
      '王会计',
      database,
    )
    expect(ids).toHaveLength(4)
    await undoChanges(ids, '王会计', database)
    expect(await amountOf(PROJECT, 5)).toBe(1)
    expect(await amountOf(OTHER, 5)).toBeNull()
    expect(await database.indicatorValues.count()).toBe(0)
  })

  it('undoes indicator values and notes', async () => {
    await setIndicatorValue(RATE, 6, { value: 90, manualStatus: null }, '王会计', database)
    const rate = await setIndicatorValue(RATE, 6, { value: 95, manualStatus: null }, '王会计', database)
    const note = { projectId: PROJECT, month: 6 as const, reasons: ['funding' as const], explanation: 'a', likelihood: 'possible' as const, actions: '' }
    await saveNote(note, '王会计', database)
    const edit = await saveNote({ ...note, explanation: 'b' }, '王会计', database)
    await undoChanges([rate as number, edit as number], '王会计', database)
    expect(await database.indicatorValues.get([RATE, 6])).toMatchObject({ value: 90 })
    expect(await database.notes.get([PROJECT, 6])).toMatchObject({ explanation: 'a' })
  })

  it('refuses, changing nothing, when the cell was changed since (e.g. in another tab)', async () => {
    const mine = await setSpending(PROJECT, 4, 100_000, '王会计', database)
    const other = await setSpending(OTHER, 4, 5, '王会计', database)
    await setSpending(PROJECT, 4, 300_000, '另一个窗口', database)
    await expect(undoChanges([mine as number, other as number], '王会计', database)).rejects.toThrow(UndoConflictError)
    await expect(undoChanges([mine as number], '王会计', database)).rejects.toThrow(/又被修改过/)
    expect(await amountOf(PROJECT, 4)).toBe(300_000)
    expect(await amountOf(OTHER, 4)).toBe(5)
  })
})

describe('restore from the history', () => {
  it('restores the value before or after any recorded change, logged as 恢复', async () => {
    const first = await setSpending(PROJECT, 1, 100, '王会计', database)
    await setSpending(PROJECT, 1, 200, '王会计', database)
    await setSpending(PROJECT, 1, null, '王会计', database)
    await restoreChange(first as number, 'new', '李四', database)
    expect(await amountOf(PROJECT, 1)).toBe(100)
    await restoreChange(first as number, 'old', '李四', database)
    expect(await amountOf(PROJECT, 1)).toBeNull()
    const summaries = (await database.changes.where('kind').equals('spending').toArray()).map((r) => r.summary)
    expect(summaries.slice(-2)).toEqual(['恢复：1月支出', '恢复：1月支出'])
  })

  it('returns null and logs nothing when the value is already there', async () => {
    const id = await setSpending(PROJECT, 1, 100, '王会计', database)
    const count = await database.changes.count()
    expect(await restoreChange(id as number, 'new', '王会计', database)).toBeNull()
    expect(await database.changes.count()).toBe(count)
  })

  it('refuses log rows that are not cell values', async () => {
    const id = await database.changes.add({ at: '', actor: '', kind: 'import', projectId: null, indicatorId: null, month: null, oldValue: null, newValue: null, summary: '' })
    await expect(restoreChange(id as number, 'old', '王会计', database)).rejects.toThrow(/不能恢复/)
  })
})
