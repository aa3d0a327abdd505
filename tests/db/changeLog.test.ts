import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { applyEntries, saveNote, setIndicatorValue, setSpending } from '@/db/actualsRepository'
import { listProjectChanges, saveSettingsLogged } from '@/db/changeLogRepository'
import type { MonitorDatabase } from '@/db/database'
import { getSettings } from '@/db/settingsRepository'
import { sampleDatabase } from './factories'

let database: MonitorDatabase
const PROJECT = '2021/201001/201-01-A'
const OTHER = '2021/201001/201-01-B'
const SHOWS = `${PROJECT}#1`

beforeEach(async () => {
  database = await sampleDatabase()
})
afterEach(async () => {
  await database.delete()
})

describe('change log', () => {
  it('records what, old → new, when and who for every kind of entry, newest first per project', async () => {
    await setSpending(PROJECT, 8, 500_000, '王会计', database)
    await setIndicatorValue(SHOWS, 8, { value: 6, manualStatus: null }, '王会计', database)
    await setIndicatorValue(SHOWS, 8, { value: 7, manualStatus: null }, '李四', database)
    await saveNote({ projectId: PROJECT, month: 8, reasons: ['staffing'], explanation: '人员调整', likelihood: 'certain', actions: '' }, '王会计', database)
    await setSpending(OTHER, 8, 1, '王会计', database)
    const rows = await listProjectChanges(PROJECT, 500, database)
    expect(rows.map((r) => [r.kind, r.summary, r.oldValue, r.newValue, r.actor])).toEqual([
      ['note', '8月监控说明', null, { projectId: PROJECT, month: 8, reasons: ['staffing'], explanation: '人员调整', likelihood: 'certain', actions: '' }, '王会计'],
      ['indicator', '8月「送戏下乡场次」', { value: 6, manualStatus: null }, { value: 7, manualStatus: null }, '李四'],
      ['indicator', '8月「送戏下乡场次」', null, { value: 6, manualStatus: null }, '王会计'],
      ['spending', '8月支出', null, 500_000, '王会计'],
    ])
    expect(rows.every((r) => r.month === 8 && !Number.isNaN(Date.parse(r.at)))).toBe(true)
    expect(rows[1]?.indicatorId).toBe(SHOWS)
  })

  it('limits the list to the newest rows', async () => {
    for (const amount of [1, 2, 3, 4]) await setSpending(PROJECT, 2, amount, '王会计', database)
    expect((await listProjectChanges(PROJECT, 2, database)).map((r) => r.newValue)).toEqual([4, 3])
  })

  it('does not log a note saved unchanged', async () => {
    const note = { projectId: PROJECT, month: 8 as const, reasons: [], explanation: '', likelihood: null, actions: '' }
    expect(await saveNote(note, '王会计', database)).not.toBeNull()
    expect(await saveNote(note, '王会计', database)).toBeNull()
  })

  it('logs a batch change by change and skips cells that did not change', async () => {
    await setSpending(PROJECT, 3, 7, '王会计', database)
    const ids = await applyEntries(
      [
        { kind: 'spending', projectId: PROJECT, month: 3, amount: 7 },
        { kind: 'spending', projectId: OTHER, month: 3, amount: 8 },
      ],
      '王会计',
      database,
    )
    expect(ids).toHaveLength(1)
  })

  it('logs settings changes with old and new values', async () => {
    await saveSettingsLogged({ actor: '王会计' }, '', database)
    await saveSettingsLogged({ thresholds: { yellowFrom: -3, redBelow: -10, levelTolerancePct: 5, mismatchPoints: 10 } }, '王会计', database)
    await saveSettingsLogged({ actor: '王会计' }, '王会计', database)
    expect((await getSettings(database)).thresholds.yellowFrom).toBe(-3)
    const log = await database.changes.where('kind').equals('settings').toArray()
    expect(log.map((r) => [r.summary, r.actor])).toEqual([
      ['修改设置：填报人姓名', '王会计'],
      ['修改设置：判定阈值', '王会计'],
    ])
    expect(log[1]?.oldValue).toMatchObject({ yellowFrom: -5 })
  })

  it('keeps the 调整后目标 display setting (default adjusted) and logs its change old → new', async () => {
    expect((await getSettings(database)).targetDisplay).toBe('adjusted')
    await saveSettingsLogged({ targetDisplay: 'original' }, '王会计', database)
    await saveSettingsLogged({ targetDisplay: 'original' }, '王会计', database)
    expect((await getSettings(database)).targetDisplay).toBe('original')
    const log = await database.changes.where('kind').equals('settings').toArray()
    expect(log.map((r) => [r.summary, r.oldValue, r.newValue, r.actor])).toEqual([['修改设置：输出中调整后目标的显示', 'adjusted', 'original', '王会计']])
  })
})
