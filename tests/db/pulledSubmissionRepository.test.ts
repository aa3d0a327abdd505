import { afterEach, describe, expect, it } from 'vitest'
import { readRoundProjects } from '@/api/roundContent'
import { setIndicatorValue, setSpending } from '@/db/actualsRepository'
import { addBudgetAdjustment } from '@/db/adjustmentRepository'
import type { MonitorDatabase } from '@/db/database'
import { importDocument } from '@/db/importRepository'
import { saveIndicatorNote } from '@/db/indicatorNoteRepository'
import { lockMonth, reopenMonth } from '@/db/lockRepository'
import { addActionItem, loadMeetingData, saveMeetingRecord, setActionStatus, setAgendaFlag, setDecision } from '@/db/meetingRepository'
import { loadCatalog, loadProjectData } from '@/db/monitorRepository'
import { saveProject } from '@/db/projectRegisterRepository'
import { loadSummaries } from '@/db/summaryRepository'
import { PulledReadOnlyError, PullRefusedError, storePulledSubmission, type PulledSubmission } from '@/db/pulledSubmissionRepository'
import { loadReportedRounds } from '@/db/reportedRoundRepository'
import { getSettings, saveSettings } from '@/db/settingsRepository'
import { buildRoundSubmission } from '@/db/submissionRepository'
import { evaluateShownAt } from '@/domain/reportedRound'
import { freshDatabase, sampleDatabase, sampleDocument } from './factories'

const A = '2021/201001/201-01-A'
const B = '2021/201001/201-01-B'
const CODE = '201001'
const opened: MonitorDatabase[] = []
afterEach(async () => {
  for (const database of opened.splice(0)) await database.delete()
})

/** The sample department reports 7月 in its own browser; returns its submission as the server hands it out. */
async function departmentSubmission(revision = 1, spendingB = 500_000): Promise<PulledSubmission> {
  const department = await sampleDatabase()
  opened.push(department)
  for (const month of [1, 2, 3, 4, 5, 6, 7] as const) await setSpending(A, month, 1_000_000, '王会计', department)
  await setSpending(B, 7, spendingB, '王会计', department)
  const [indicator] = await department.indicators.where('projectId').equals(A).sortBy('order')
  await setIndicatorValue(indicator!.id, 7, { value: 30, manualStatus: null }, '王会计', department)
  await saveIndicatorNote({ indicatorId: indicator!.id, projectId: A, month: 7, reasons: ['funding'], likelihood: 'possible', explanation: '档期推迟', remark: '', forecast: null }, '王会计', department)
  await addActionItem({ projectId: A, month: 7, text: '加快演出进度', owner: '张科长', dueDate: '2021-09-30' }, '王会计', department)
  await lockMonth(2021, CODE, 7, '王会计', department)
  const document = await buildRoundSubmission(2021, CODE, 7, new Date('2021-08-06T01:00:00Z'), department)
  return { id: 10 + revision, department: document.department, year: 2021, month: 7, revision, submittedAt: `2021-08-0${5 + revision}T02:00:00.000Z`, content: document.content }
}

function bureauDatabase(): MonitorDatabase {
  const database = freshDatabase()
  opened.push(database)
  return database
}

describe('pulling a submission into the bureau’s browser', () => {
  it('stores the department marked 来自报送 with the revision, and the pages show what was submitted', async () => {
    const submission = await departmentSubmission()
    const bureau = bureauDatabase()
    expect(await storePulledSubmission(submission, '财政局', new Date('2021-08-10T00:00:00Z'), bureau)).toBe('created')
    const catalog = await loadCatalog(bureau)
    expect(catalog.departments).toEqual([expect.objectContaining({ code: CODE, name: '某区文化和旅游局', pulled: expect.objectContaining({ submissionId: 11, revision: 1, year: 2021, month: 7, submittedAt: '2021-08-06T02:00:00.000Z' }) })])
    const data = await loadProjectData({ year: 2021, departmentCode: CODE }, bureau)
    const shown = evaluateShownAt(data, await loadReportedRounds({ year: 2021, departmentCode: CODE }, bureau), 7)
    const submitted = readRoundProjects(submission.content)
    expect(shown.rounds).toHaveLength(1)
    expect(shown.evaluations.map((e) => [e.project.id, e.spend.executed, e.spend.executionRate, e.status]))
      .toEqual(submitted.map((p) => [p.id, p.executed, p.executionRate, p.status]))
    expect(shown.evaluations[0]!.indicators.map((i) => i.status)).toEqual(submitted[0]!.indicators.map((i) => i.status))
    const meeting = await loadMeetingData({ year: 2021, departmentCode: CODE }, bureau)
    expect(meeting.indicatorNotes.map((n) => n.explanation)).toEqual(['档期推迟'])
    expect(meeting.actions.map((a) => a.text)).toEqual(['加快演出进度'])
  })

  it.each([
    ['录入支出', (db: MonitorDatabase) => setSpending(A, 8, 100, '财政局', db)],
    ['录入指标值', async (db: MonitorDatabase) => {
      const [indicator] = await db.indicators.where('projectId').equals(A).toArray()
      return setIndicatorValue(indicator!.id, 8, { value: 1, manualStatus: null }, '财政局', db)
    }],
    ['指标监控说明', async (db: MonitorDatabase) => {
      const [indicator] = await db.indicators.where('projectId').equals(A).toArray()
      return saveIndicatorNote({ indicatorId: indicator!.id, projectId: A, month: 8, reasons: [], likelihood: null, explanation: '改', remark: '', forecast: null }, '财政局', db)
    }],
    ['标记已报送', (db: MonitorDatabase) => lockMonth(2021, CODE, 8, '财政局', db)],
    ['重新打开', (db: MonitorDatabase) => reopenMonth(2021, CODE, 7, '财政局', '更正', db)],
    ['调整预算', (db: MonitorDatabase) => addBudgetAdjustment({ projectId: A, date: '2021-09-01', fiscal: 100, other: 0, documentNo: '', reason: '' }, '财政局', db)],
    ['导入绩效目标表', (db: MonitorDatabase) => importDocument(sampleDocument(), { fileName: 'a.docx', actor: '财政局' }, db)],
    ['修改项目', async (db: MonitorDatabase) => {
      const project = (await db.projects.get(A))!
      return saveProject(A, { code: project.code, name: '改名', fiscalWan: '12.5', otherWan: '', purpose: '', plan: { 3: '', 6: '', 10: '', 12: '' }, goals: [], indicators: [] }, '财政局', db)
    }],
  ] as [string, (db: MonitorDatabase) => Promise<unknown>][])('refuses %s on a department 来自报送, in Chinese, changing nothing', async (_label, write) => {
    const bureau = bureauDatabase()
    await storePulledSubmission(await departmentSubmission(), '财政局', new Date(), bureau)
    const before = await loadProjectData({ year: 2021, departmentCode: CODE }, bureau)
    const changes = await bureau.changes.count()
    const error: unknown = await (async () => write(bureau))().then(() => null, (e: unknown) => e)
    expect(error).toBeInstanceOf(PulledReadOnlyError)
    expect((error as Error).message).toMatch(/来自报送（2021年7月第 1 版），只读/)
    expect(await loadProjectData({ year: 2021, departmentCode: CODE }, bureau)).toEqual(before)
    expect(await bureau.changes.count()).toBe(changes)
  })

  it('writes the project summaries the overview reads, and a newer revision replaces them', async () => {
    const bureau = bureauDatabase()
    await storePulledSubmission(await departmentSubmission(1, 500_000), '财政局', new Date('2021-08-10T00:00:00Z'), bureau)
    const prefix = '2021/201001/'
    const rows = await loadProjectData({ year: 2021, departmentCode: CODE }, bureau)
    expect(rows.length).toBeGreaterThan(0)
    expect((await loadSummaries(prefix, bureau)).map((d) => [d.project.id, d.spending.length])).toEqual(rows.map((d) => [d.project.id, d.spending.length]))
    await storePulledSubmission(await departmentSubmission(2, 900_000), '财政局', new Date('2021-08-11T00:00:00Z'), bureau)
    const summaries = await loadSummaries(prefix, bureau)
    expect(summaries.find((d) => d.project.id === B)?.spending.find((s) => s.month === 7)?.amount).toBe(900_000)
  })

  it('replaces the department with a newer revision; the same revision again changes nothing', async () => {
    const bureau = bureauDatabase()
    await storePulledSubmission(await departmentSubmission(1, 500_000), '财政局', new Date(), bureau)
    const second = await departmentSubmission(2, 900_000)
    expect(await storePulledSubmission(second, '财政局', new Date(), bureau)).toBe('replaced')
    expect(await storePulledSubmission(second, '财政局', new Date(), bureau)).toBe('unchanged')
    expect((await bureau.departments.get(CODE))?.pulled?.revision).toBe(2)
    const b = (await loadProjectData({ year: 2021, departmentCode: CODE }, bureau)).find((d) => d.project.id === B)!
    expect(b.spending.map((s) => s.amount)).toEqual([900_000])
    expect(await bureau.projects.count()).toBe(2)
    expect(await bureau.actionItems.count()).toBe(1)
    expect(await bureau.reportedRounds.count()).toBe(1)
  })

  it('keeps the older revision whole when writing the newer one fails half-way (one transaction)', async () => {
    const bureau = bureauDatabase()
    await storePulledSubmission(await departmentSubmission(1), '财政局', new Date(), bureau)
    const before = await loadProjectData({ year: 2021, departmentCode: CODE }, bureau)
    const broken = await departmentSubmission(2)
    const projects = readRoundProjects(broken.content)
    const content = { ...(broken.content as object), projects: [projects[0], { ...projects[1], monthlySpending: null }] }
    await expect(storePulledSubmission({ ...broken, content }, '财政局', new Date(), bureau)).rejects.toThrow()
    expect(await loadProjectData({ year: 2021, departmentCode: CODE }, bureau)).toEqual(before)
    expect((await bureau.departments.get(CODE))?.pulled?.revision).toBe(1)
  })

  it('never overwrites a department this browser entered or imported itself', async () => {
    const bureau = await sampleDatabase()
    opened.push(bureau)
    const error = await storePulledSubmission(await departmentSubmission(), '财政局', new Date(), bureau).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PullRefusedError)
    expect((error as Error).message).toContain('本机已有部门「某区文化和旅游局」')
    expect((await bureau.departments.get(CODE))?.pulled).toBeUndefined()
  })
})

describe('pulling over the demo department', () => {
  it('replaces the demo department (sample data) and keeps the demo from loading again', async () => {
    const bureau = await sampleDatabase()
    opened.push(bureau)
    await saveSettings({ demo: { year: 2021, departmentCode: CODE } }, bureau)
    expect(await storePulledSubmission(await departmentSubmission(), '财政局', new Date(), bureau)).toBe('created')
    const settings = await getSettings(bureau)
    expect([settings.demo, settings.demoDismissed]).toEqual([null, true])
    expect((await bureau.projects.toArray()).every((p) => p.pulledFrom?.revision === 1)).toBe(true)
  })
})

describe('meeting writes on a department 来自报送', () => {
  it.each([
    ['会议关注', (db: MonitorDatabase) => setAgendaFlag(A, 7, true, '财政局', db)],
    ['会议决定', (db: MonitorDatabase) => setDecision(A, 7, { decision: 'continue', remark: '' }, '财政局', db)],
    ['新增整改措施', (db: MonitorDatabase) => addActionItem({ projectId: A, month: 7, text: '新', owner: '李', dueDate: '' }, '财政局', db)],
    ['完成整改措施', async (db: MonitorDatabase) => {
      const [item] = await db.actionItems.toArray()
      return setActionStatus(item!.id!, 'closed', 7, '财政局', db)
    }],
    ['会议纪要', (db: MonitorDatabase) => saveMeetingRecord({ year: 2021, departmentCode: CODE, month: 7, date: '', place: '三楼', host: '', attendees: '', notes: '' }, '财政局', db)],
  ] as [string, (db: MonitorDatabase) => Promise<unknown>][])('refuses %s', async (_label, write) => {
    const bureau = bureauDatabase()
    await storePulledSubmission(await departmentSubmission(), '财政局', new Date(), bureau)
    const before = await loadMeetingData({ year: 2021, departmentCode: CODE }, bureau)
    await expect(write(bureau)).rejects.toBeInstanceOf(PulledReadOnlyError)
    expect(await loadMeetingData({ year: 2021, departmentCode: CODE }, bureau)).toEqual(before)
  })
})

describe('pulling an earlier round after a later one', () => {
  it('keeps the later round (it holds the earlier months too)', async () => {
    const bureau = bureauDatabase()
    const july = await departmentSubmission(1)
    await storePulledSubmission(july, '财政局', new Date(), bureau)
    const june = { ...july, id: 99, month: 6, content: { ...(july.content as object), asOfMonth: 6 } }
    expect(await storePulledSubmission(june, '财政局', new Date(), bureau)).toBe('kept')
    expect((await bureau.departments.get(CODE))?.pulled?.month).toBe(7)
  })
})

describe('pulling a format 1 submission', () => {
  it('reads each indicator’s target from the 指标值 as written, so its status is judged as before', async () => {
    const submission = await departmentSubmission()
    // Format 1 projects: no plan, 年初预算数 or target parts; indicators without notes.
    const omit = <T extends object>(value: T, keys: readonly string[]) => Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)))
    const projects = readRoundProjects(submission.content).map((p) => ({
      ...omit(p, ['plan', 'budgetInitial']), indicators: p.indicators.map((i) => omit(i, ['operator', 'targetValue', 'note'])),
    }))
    const bureau = bureauDatabase()
    await storePulledSubmission({ ...submission, content: { asOfMonth: 7, projects } }, '财政局', new Date(), bureau)
    const [indicator] = await bureau.indicators.where('projectId').equals(A).sortBy('order')
    expect([indicator!.operator, indicator!.targetValue]).toEqual(['>=', 60])
  })
})
