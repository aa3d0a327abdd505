import { afterEach, describe, expect, it } from 'vitest'
import { actionAtMonth } from '@/domain/agenda'
import { emptyIndicatorNote } from '@/domain/indicatorNotes'
import type { MonitorDatabase } from '@/db/database'
import { listProjectIndicatorNotes, saveIndicatorNote } from '@/db/indicatorNoteRepository'
import { MonthLockedError } from '@/db/lockRepository'
import { addActionItem, loadMeetingData, saveMeetingRecord, setActionResult } from '@/db/meetingRepository'
import { sampleDatabase } from './factories'

let database: MonitorDatabase
afterEach(async () => {
  await database.delete()
})

const A = '2021/201001/201-01-A'
const A1 = `${A}#1`
const SCOPE = { year: 2021, departmentCode: '201001' }

const changes = async (kind: string) => database.changes.where('kind').equals(kind).toArray()

describe('per-indicator notes', () => {
  it('stores a note per indicator and month, logs old → new, and deletes it when emptied', async () => {
    database = await sampleDatabase()
    const note = { ...emptyIndicatorNote(A1, A, 7), reasons: ['staffing', 'other'] as const, explanation: '演出团队缺员', likelihood: 'possible' as const }
    await saveIndicatorNote(note, '张', database)
    await saveIndicatorNote({ ...note, forecast: '55 场' }, '张', database)
    // Saving what is stored changes nothing.
    expect(await saveIndicatorNote({ ...note, forecast: '55 场' }, '张', database)).toBeNull()
    expect(await listProjectIndicatorNotes(A, database)).toEqual([{ ...note, reasons: ['staffing', 'other'], forecast: '55 场' }])
    expect((await loadMeetingData(SCOPE, database)).indicatorNotes).toHaveLength(1)
    await saveIndicatorNote(emptyIndicatorNote(A1, A, 7), '张', database)
    expect(await listProjectIndicatorNotes(A, database)).toEqual([])
    const log = await changes('indicatorNote')
    expect(log.map((c) => c.summary)).toEqual(['7月指标监控说明：送戏下乡场次', '7月指标监控说明：送戏下乡场次', '7月指标监控说明：送戏下乡场次'])
    expect(log[0]).toMatchObject({ actor: '张', projectId: A, indicatorId: A1, month: 7, oldValue: null })
    expect(log[2]).toMatchObject({ newValue: null })
  })

  it('refuses a note for a month already 已报送, and one naming an indicator of another project', async () => {
    database = await sampleDatabase()
    await database.monthLocks.put({ year: 2021, departmentCode: '201001', month: 7, lockedAt: '2021-08-05T00:00:00.000Z', lockedBy: '张' })
    await expect(saveIndicatorNote({ ...emptyIndicatorNote(A1, A, 7), remark: 'x' }, '张', database)).rejects.toBeInstanceOf(MonthLockedError)
    await expect(saveIndicatorNote({ ...emptyIndicatorNote(A1, '2021/201001/201-01-B', 6), remark: 'x' }, '张', database)).rejects.toThrow(/指标不存在/)
    expect(await database.indicatorNotes.count()).toBe(0)
  })
})

describe('整改 lifecycle', () => {
  it('records 进行中 at 7月 and 已完成 at 8月 with its result; a completion after 期限 stays 逾期完成', async () => {
    database = await sampleDatabase()
    const id = await addActionItem({ projectId: A, month: 7, text: '加快支付', owner: '李', dueDate: '2021-08-15' }, '王', database)
    await setActionResult(id, { progress: 'inProgress', completionNote: '', completedOn: '', evidence: '' }, 7, '王', database)
    let [item] = (await loadMeetingData(SCOPE, database)).actions
    expect(item).toMatchObject({ status: 'open', closedMonth: null, progress: 'inProgress' })
    await setActionResult(id, { progress: 'done', completionNote: ' 已全部支付 ', completedOn: '2021-08-20', evidence: '支付凭证.pdf' }, 8, '王', database)
    ;[item] = (await loadMeetingData(SCOPE, database)).actions
    expect(item).toMatchObject({ status: 'closed', closedMonth: 8, progress: 'done', completionNote: '已全部支付', completedOn: '2021-08-20', evidence: '支付凭证.pdf' })
    // Editing the result at 9月 keeps 8月 as the meeting that closed it.
    await setActionResult(id, { progress: 'done', completionNote: '已全部支付', completedOn: '2021-08-20', evidence: '支付凭证.pdf、台账' }, 9, '王', database)
    ;[item] = (await loadMeetingData(SCOPE, database)).actions
    expect(item?.closedMonth).toBe(8)
    if (!item) throw new Error('no item')
    expect(actionAtMonth(item, 7, '2021-08-01')).toMatchObject({ state: 'open', progress: 'inProgress' })
    expect(actionAtMonth(item, 8, '2021-09-01')).toMatchObject({ state: 'closed', progress: 'done', isCompletedLate: true })
    expect((await changes('action')).map((c) => c.summary)).toEqual([
      '新增整改措施：加快支付',
      '整改措施「加快支付」：进行中',
      '整改措施「加快支付」：已完成',
      '整改措施「加快支付」：已完成',
    ])
  })

  it('reads rows stored before the lifecycle with empty result fields', async () => {
    database = await sampleDatabase()
    await database.actionItems.add({ projectId: A, month: 7, text: '旧', owner: '', dueDate: '', status: 'closed', closedMonth: 8 })
    const [item] = (await loadMeetingData(SCOPE, database)).actions
    expect(item).toMatchObject({ status: 'closed', completionNote: '', completedOn: '', evidence: '' })
    expect(item && 'progress' in item).toBe(false)
  })
})

describe('会议纪要', () => {
  it('stores one record per department and meeting month, logged', async () => {
    database = await sampleDatabase()
    const record = { year: 2021, departmentCode: '201001', month: 7 as const, date: '2021-08-06', place: ' 三楼会议室 ', host: '局长', attendees: '张、李', notes: '' }
    await saveMeetingRecord(record, '王', database)
    await saveMeetingRecord(record, '王', database)
    await saveMeetingRecord({ ...record, month: 8, date: '2021-09-03' }, '王', database)
    await saveMeetingRecord({ ...record, departmentCode: '999' }, '王', database)
    const { records } = await loadMeetingData(SCOPE, database)
    expect(records.map((r) => [r.month, r.date, r.place])).toEqual([
      [7, '2021-08-06', '三楼会议室'],
      [8, '2021-09-03', '三楼会议室'],
    ])
    expect((await loadMeetingData({ year: 2021, departmentCode: null }, database)).records).toHaveLength(3)
    expect((await changes('meetingRecord')).map((c) => c.summary)).toEqual(['2021年7月会议纪要', '2021年8月会议纪要', '2021年7月会议纪要'])
  })
})
