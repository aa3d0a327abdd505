import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readRoundProjects } from '@/api/roundContent'
import { reloadDemo } from '@/composables/useDemo'
import { addBudgetAdjustment } from '@/db/adjustmentRepository'
import { setIndicatorValue, setSpending } from '@/db/actualsRepository'
import { db, type MonitorDatabase } from '@/db/database'
import { saveIndicatorNote } from '@/db/indicatorNoteRepository'
import { addActionItem, deleteActionItem, setActionResult, updateActionItem } from '@/db/meetingRepository'
import { lockMonth, reopenMonth } from '@/db/lockRepository'
import { loadProjectData } from '@/db/monitorRepository'
import { buildRoundSubmission, RoundNotReadyError } from '@/db/submissionRepository'
import { evaluateProjectData } from '@/domain/projectEvaluation'
import { buildSubmissionPackage, parseSubmission, readSubmissionPackage } from '@/schema/submission'
import { sampleDatabase } from './factories'

const YEAR = 2020
const DEPARTMENT = '315002'
const REPORTED_AT = new Date('2020-08-05T02:30:00Z')

beforeAll(async () => {
  await reloadDemo()
  await lockMonth(YEAR, DEPARTMENT, 7, '王会计')
})

describe('round document of the demo department at 7月', () => {
  it('is valid under the shared submission schema, for this department and round', async () => {
    const document = await buildRoundSubmission(YEAR, DEPARTMENT, 7, REPORTED_AT)
    const parsed = parseSubmission(document)
    expect(parsed.ok ? [] : parsed.problems).toEqual([])
    expect(document).toMatchObject({ formatVersion: 2, department: { code: DEPARTMENT, name: '秦皇岛市北戴河区司法局' }, year: YEAR, month: 7, reportedAt: '2020-08-05T02:30:00.000Z' })
  })

  it('carries every project with the figures the app shows (domain evaluation at 7月)', async () => {
    const projects = readRoundProjects((await buildRoundSubmission(YEAR, DEPARTMENT, 7, REPORTED_AT)).content)
    const data = await loadProjectData({ year: YEAR, departmentCode: DEPARTMENT })
    expect(projects.map((p) => p.id)).toEqual(data.map((d) => d.project.id))
    for (const [index, project] of projects.entries()) {
      const evaluation = evaluateProjectData(data[index]!, 7)
      expect(project.budget.total).toBe(evaluation.project.budget.total)
      expect(project.executed).toBe(evaluation.spend.executed)
      expect(project.executionRate).toBe(evaluation.spend.executionRate)
      expect(project.status).toBe(evaluation.status)
      expect(project.monthlySpending).toHaveLength(7)
      expect(project.indicators.map((i) => [i.id, i.status])).toEqual(evaluation.indicators.map((e) => [e.indicator.id, e.status]))
      for (const indicator of project.indicators) expect(indicator.monthlyValues).toHaveLength(7)
    }
    // Money stays integer 分.
    expect(projects.every((p) => Number.isInteger(p.executed) && Number.isInteger(p.budget.total))).toBe(true)
  })

  it('refuses a month not yet marked 已报送, saying what to do', async () => {
    await expect(buildRoundSubmission(YEAR, DEPARTMENT, 8, REPORTED_AT)).rejects.toThrow(RoundNotReadyError)
    await expect(buildRoundSubmission(YEAR, DEPARTMENT, 8, REPORTED_AT)).rejects.toThrow('请先在录入页「标记8月已报送」')
  })

  it('round-trips as an offline package; one changed byte is refused', async () => {
    const document = await buildRoundSubmission(YEAR, DEPARTMENT, 7, REPORTED_AT)
    const text = await buildSubmissionPackage(document)
    const read = await readSubmissionPackage(text)
    expect(read.ok && read.submission).toEqual(document)
    // The document sits in the package as JSON text, its quotes escaped.
    expect(text).toContain('\\"executed\\":')
    const changed = text.replace('\\"executed\\":', '\\"executed\\":1')
    const refused = await readSubmissionPackage(changed)
    expect(refused.ok).toBe(false)
    expect(!refused.ok && refused.message).toContain('校验失败')
  })

  it('leaves the stored data as it was (building reads only)', async () => {
    const before = await db.changes.count()
    await buildRoundSubmission(YEAR, DEPARTMENT, 7, REPORTED_AT)
    expect(await db.changes.count()).toBe(before)
  })
})

describe('round document from the round frozen at 已报送', () => {
  const A = '2021/201001/201-01-A'
  const B = '2021/201001/201-01-B'
  const SAMPLE = '201001'
  let database: MonitorDatabase
  afterEach(async () => {
    await database.delete()
  })

  async function reportedSample(): Promise<MonitorDatabase> {
    database = await sampleDatabase()
    for (const month of [1, 2, 3, 4, 5, 6, 7] as const) await setSpending(A, month, 1_000_000, '王会计', database)
    await setSpending(B, 7, 500_000, '王会计', database)
    const [indicator] = await database.indicators.where('projectId').equals(A).sortBy('order')
    await setIndicatorValue(indicator!.id, 7, { value: 30, manualStatus: null }, '王会计', database)
    await saveIndicatorNote({ indicatorId: indicator!.id, projectId: A, month: 7, reasons: ['funding'], likelihood: 'possible', explanation: '演出档期推迟', remark: '八月补演', forecast: null }, '王会计', database)
    await addActionItem({ projectId: A, month: 7, text: '加快演出进度', owner: '张科长', dueDate: '2021-09-30' }, '王会计', database)
    await lockMonth(2021, SAMPLE, 7, '王会计', database)
    return database
  }

  const submit = () => buildRoundSubmission(2021, SAMPLE, 7, new Date('2021-08-06T01:00:00Z'), database)
  const projectsOf = async () => readRoundProjects((await submit()).content)

  it.each([
    ['a 调减预算 dated before the month ends', async () => {
      await addBudgetAdjustment({ projectId: A, date: '2021-05-20', fiscal: -2_500_000, other: 0, documentNo: '文财预〔2021〕8号', reason: '' }, '李会计', database)
    }],
    ['a corrected earlier month (not locked itself)', async () => { await setSpending(A, 3, 4_000_000, '王会计', database) }],
    ['an 整改 item added in the 8月 meeting', async () => {
      await addActionItem({ projectId: B, month: 8, text: '八月新增', owner: '李', dueDate: '' }, '王会计', database)
    }],
    ['the text, 责任人 and 期限 of a reported 整改 item edited', async () => {
      const [item] = await database.actionItems.where('projectId').equals(A).toArray()
      await updateActionItem(item!.id!, { text: '加快演出进度（改）', owner: '李科长', dueDate: '2021-12-31' }, '王会计', database)
    }],
    ['a reported 整改 item completed in the 8月 meeting', async () => {
      const [item] = await database.actionItems.where('projectId').equals(A).toArray()
      await setActionResult(item!.id!, { progress: 'done', completionNote: '已补演', completedOn: '2021-08-20', evidence: '演出照片' }, 8, '王会计', database)
    }],
    ['a reported 整改 item deleted', async () => {
      const [item] = await database.actionItems.where('projectId').equals(A).toArray()
      await deleteActionItem(item!.id!, '王会计', database)
    }],
  ])('sends what was reported, not today’s figures, after %s', async (_label, change) => {
    await reportedSample()
    const before = await submit()
    await change()
    expect(await submit()).toEqual(before)
  })

  it('carries the budget in force, the frozen execution and the round it was reported in', async () => {
    await reportedSample()
    const document = await submit()
    const [a] = readRoundProjects(document.content)
    expect(a!.budget.total).toBe(12_500_000)
    expect(a!.executed).toBe(7_000_000)
    expect(a!.monthlySpending).toEqual([1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000])
    expect(a!.plan).toEqual({ 3: 20, 6: 50, 10: 80, 12: 100 })
    expect((document.content as { round?: { revision: number; reportedBy: string } }).round).toMatchObject({ revision: 1, reportedBy: '王会计' })
    expect(parseSubmission(document).ok).toBe(true)
  })

  it('includes each indicator’s note of the month and the 整改 items with their progress', async () => {
    await reportedSample()
    const [a, b] = await projectsOf()
    expect(a!.indicators[0]!.note).toEqual({ reasons: ['funding'], likelihood: 'possible', explanation: '演出档期推迟', remark: '八月补演', forecast: null })
    expect(a!.indicators[1]!.note).toBeNull()
    expect(a!.actionItems).toEqual([expect.objectContaining({ text: '加快演出进度', owner: '张科长', dueDate: '2021-09-30', status: 'open', progress: 'notStarted', month: 7 })])
    expect(b!.actionItems).toEqual([])
  })

  it('sends today’s 整改 items for a round stored before the items were frozen with it', async () => {
    await reportedSample()
    const stored = await database.reportedRounds.toCollection().first()
    const older = { ...stored! }
    delete older.actions
    await database.reportedRounds.put(older)
    const [item] = await database.actionItems.where('projectId').equals(A).toArray()
    await updateActionItem(item!.id!, { text: '加快演出进度（改）' }, '王会计', database)
    const [a] = await projectsOf()
    expect(a!.actionItems.map((i) => i.text)).toEqual(['加快演出进度（改）'])
  })

  it('reports again after 重新打开: the new round (revision 2), with the change made in between', async () => {
    await reportedSample()
    await reopenMonth(2021, SAMPLE, 7, '王会计', '补录支出', database)
    await setSpending(B, 7, 900_000, '王会计', database)
    await lockMonth(2021, SAMPLE, 7, '王会计', database)
    const document = await submit()
    expect(readRoundProjects(document.content)[1]!.executed).toBe(900_000)
    expect((document.content as { round?: { revision: number } }).round?.revision).toBe(2)
  })
})

describe('submission schema across format versions', () => {
  const v1 = {
    formatVersion: 1, department: { code: '315002', name: '司法局' }, year: 2020, month: 7, reportedAt: '2020-08-05T00:00:00Z',
    content: { asOfMonth: 7, projects: [{ id: 'p1', name: '法律援助经费', indicators: [{ id: 'i1' }], actionItems: [{ text: '补录', owner: '王', dueDate: '', status: 'open' }] }] },
  }

  it('still reads a format 1 document without the fields format 2 added', () => {
    expect(parseSubmission(v1)).toMatchObject({ ok: true })
    expect(readRoundProjects(v1.content)[0]!.indicators[0]!.note).toBeUndefined()
  })

  it.each([
    ['an unknown 偏差原因', { reasons: ['weather'], likelihood: null, explanation: '', remark: '' }, 'content.projects[0].indicators[0].note.reasons[0]'],
    ['a 原因说明 that is not text', { reasons: [], likelihood: null, explanation: 5, remark: '' }, 'content.projects[0].indicators[0].note.explanation'],
  ])('refuses an indicator note with %s, naming the field', (_label, note, path) => {
    const document = { ...v1, formatVersion: 2, content: { ...v1.content, projects: [{ ...v1.content.projects[0], indicators: [{ id: 'i1', note }] }] } }
    const parsed = parseSubmission(document)
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.problems.map((p) => p.path)).toContain(path)
  })
})
