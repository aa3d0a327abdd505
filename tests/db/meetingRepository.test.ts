import { afterEach, describe, expect, it } from 'vitest'
import { effectiveAgendaFlags } from '@/domain/agenda'
import { createDatabase, type MonitorDatabase } from '@/db/database'
import { importDocument } from '@/db/importRepository'
import {
  addActionItem,
  deleteActionItem,
  loadMeetingData,
  setActionStatus,
  setAgendaFlag,
  setDecision,
  updateActionItem,
} from '@/db/meetingRepository'
import { sampleDatabase, sampleDocument } from './factories'
import { createLegacyProfile } from './legacyProfiles'

let database: MonitorDatabase
afterEach(async () => {
  await database.delete()
})

const A = '2021/201001/201-01-A'
const B = '2021/201001/201-01-B'
const SCOPE = { year: 2021, departmentCode: '201001' }

async function seeded(): Promise<MonitorDatabase> {
  database = await sampleDatabase()
  return database
}

async function changesOf(kind: string) {
  return (await database.changes.where('kind').equals(kind).toArray()).map((c) => c.summary)
}

describe('meeting repository', () => {
  it('stores 会议关注 per meeting month, restores to automatic, and logs each change once', async () => {
    await seeded()
    await setAgendaFlag(A, 7, true, '王处长', database)
    await setAgendaFlag(A, 7, true, '王处长', database)
    await setAgendaFlag(B, 7, false, '王处长', database)
    expect((await loadMeetingData(SCOPE, database)).flags).toEqual([
      { projectId: A, month: 7, isOnAgenda: true },
      { projectId: B, month: 7, isOnAgenda: false },
    ])
    // 恢复 at 7月 with nothing set before: the 7月 flag simply goes.
    await setAgendaFlag(B, 7, null, '王处长', database)
    expect((await loadMeetingData(SCOPE, database)).flags).toEqual([{ projectId: A, month: 7, isOnAgenda: true }])
    expect(await changesOf('agenda')).toEqual(['7月起加入会议议程', '7月会议移出议程', '7月起会议关注恢复自动'])
    const [first] = await database.changes.where('kind').equals('agenda').toArray()
    expect(first).toMatchObject({ projectId: A, month: 7, oldValue: null, newValue: true })
  })

  it('keeps earlier meetings as they were: a flag set at 7月 leaves 5月 and 6月 alone', async () => {
    await seeded()
    await setAgendaFlag(A, 5, false, '王处长', database)
    await setAgendaFlag(A, 7, true, '王处长', database)
    // Setting what 8月 already inherits from 7月 stores nothing.
    await setAgendaFlag(A, 8, true, '王处长', database)
    // 恢复 at 9月 after a removal at 5月 and an addition at 7月: automatic again from 9月 on.
    await setAgendaFlag(A, 9, null, '王处长', database)
    expect((await loadMeetingData(SCOPE, database)).flags).toEqual([
      { projectId: A, month: 5, isOnAgenda: false },
      { projectId: A, month: 7, isOnAgenda: true },
      { projectId: A, month: 9, isOnAgenda: null },
    ])
    expect(await changesOf('agenda')).toEqual(['5月会议移出议程', '7月起加入会议议程', '9月起会议关注恢复自动'])
  })

  it('a removal holds for its meeting only: 恢复 at 8月 has nothing to undo and stores nothing', async () => {
    await seeded()
    await setAgendaFlag(A, 7, false, '王处长', database)
    await setAgendaFlag(A, 8, null, '王处长', database)
    const { flags } = await loadMeetingData(SCOPE, database)
    expect(flags).toEqual([{ projectId: A, month: 7, isOnAgenda: false }])
    expect(effectiveAgendaFlags(flags, 7).get(A)).toBe(false)
    expect(effectiveAgendaFlags(flags, 8).has(A)).toBe(false)
    expect(await changesOf('agenda')).toEqual(['7月会议移出议程'])
  })

  it('records one decision per project and month, replaceable and revocable', async () => {
    await seeded()
    await setDecision(A, 7, { decision: 'continue', remark: '' }, '王处长', database)
    await setDecision(A, 7, { decision: 'adjustBudget', remark: '调减 2 万元' }, '王处长', database)
    await setDecision(A, 8, { decision: 'suspend', remark: '' }, '王处长', database)
    const { decisions } = await loadMeetingData(SCOPE, database)
    expect(decisions).toEqual([
      { projectId: A, month: 7, decision: 'adjustBudget', remark: '调减 2 万元' },
      { projectId: A, month: 8, decision: 'suspend', remark: '' },
    ])
    await setDecision(A, 8, null, '王处长', database)
    expect((await loadMeetingData(SCOPE, database)).decisions).toHaveLength(1)
    expect(await changesOf('decision')).toEqual(['7月会议决定：继续执行', '7月会议决定：调整预算', '8月会议决定：暂停', '8月会议决定：撤销'])
    const [first] = await database.changes.where('kind').equals('decision').toArray()
    expect(first).toMatchObject({ actor: '王处长', projectId: A, month: 7, oldValue: null })
  })

  it('adds, edits, closes in a later month, reopens and deletes action items, all logged', async () => {
    await seeded()
    const id = await addActionItem({ projectId: A, month: 7, text: '完成采购', owner: '李科长', dueDate: '2020-08-31' }, '王处长', database)
    await updateActionItem(id, { dueDate: '2020-09-15' }, '王处长', database)
    await setActionStatus(id, 'closed', 9, '王处长', database)
    let [item] = (await loadMeetingData(SCOPE, database)).actions
    expect(item).toEqual({ id, projectId: A, month: 7, text: '完成采购', owner: '李科长', dueDate: '2020-09-15', status: 'closed', closedMonth: 9, completionNote: '', completedOn: '', evidence: '' })
    await setActionStatus(id, 'open', 9, '王处长', database)
    ;[item] = (await loadMeetingData(SCOPE, database)).actions
    expect(item).toMatchObject({ status: 'open', closedMonth: null })
    await deleteActionItem(id, '王处长', database)
    expect((await loadMeetingData(SCOPE, database)).actions).toEqual([])
    expect(await changesOf('action')).toEqual([
      '新增整改措施：完成采购',
      '修改整改措施：完成采购',
      '完成整改措施：完成采购',
      '重新打开整改措施：完成采购',
      '删除整改措施：完成采购',
    ])
  })

  it('only returns the scope’s projects', async () => {
    await seeded()
    await setAgendaFlag('2099/x/y', 7, true, '王处长', database)
    await addActionItem({ projectId: '2099/x/y', month: 7, text: '别处', owner: '', dueDate: '' }, '王处长', database)
    const data = await loadMeetingData(SCOPE, database)
    expect(data.flags).toEqual([])
    expect(data.actions).toEqual([])
    expect((await loadMeetingData({ year: 2021, departmentCode: null }, database)).actions).toEqual([])
  })
})

describe('会议关注 on a profile created before flags had a meeting month', () => {
  it('removing a project at 7月 and adding it at 9月 keeps it off the 7月 agenda', async () => {
    const name = `old-profile-${Math.random().toString(36).slice(2)}`
    await createLegacyProfile(name, 'oldV2')
    database = createDatabase(name)
    await importDocument(sampleDocument(), { fileName: 'a.docx', actor: '测试' }, database)
    await setAgendaFlag(A, 7, false, '王处长', database)
    await setAgendaFlag(A, 9, true, '王处长', database)
    const { flags } = await loadMeetingData(SCOPE, database)
    expect(effectiveAgendaFlags(flags, 7).get(A)).toBe(false)
    // A removal holds for its own meeting only (issue 11): 8月 is automatic again.
    expect(effectiveAgendaFlags(flags, 8).get(A)).toBeUndefined()
    expect(effectiveAgendaFlags(flags, 9).get(A)).toBe(true)
  })
})
