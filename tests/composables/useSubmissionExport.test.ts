import { afterEach, describe, expect, it } from 'vitest'
import { readRoundProjects } from '@/api/roundContent'
import type { Submission } from '@/api/types'
import { setSpending } from '@/db/actualsRepository'
import { addBudgetAdjustment } from '@/db/adjustmentRepository'
import type { MonitorDatabase } from '@/db/database'
import { saveIndicatorNote } from '@/db/indicatorNoteRepository'
import { lockMonth } from '@/db/lockRepository'
import { buildRoundSubmission } from '@/db/submissionRepository'
import { submissionWorkbookInput } from '@/composables/useSubmissionExport'
import { sampleDatabase } from '../db/factories'

const A = '2021/201001/201-01-A'
let database: MonitorDatabase
let indicatorId = ''
afterEach(async () => {
  await database.delete()
})

/** The sample department's 7月 as the bureau receives it: a 调减 of 2.50 万元 in May, 7 万元 spent on A. */
async function received(): Promise<Submission> {
  database = await sampleDatabase()
  await addBudgetAdjustment({ projectId: A, date: '2021-05-20', fiscal: -2_500_000, other: 0, documentNo: '文财预〔2021〕8号', reason: '' }, '李会计', database)
  for (const month of [1, 2, 3, 4, 5, 6, 7] as const) await setSpending(A, month, 1_000_000, '王会计', database)
  const [indicator] = await database.indicators.where('projectId').equals(A).sortBy('order')
  indicatorId = indicator!.id
  await saveIndicatorNote({ indicatorId, projectId: A, month: 7, reasons: ['funding'], likelihood: 'possible', explanation: '档期推迟', remark: '', forecast: null }, '王会计', database)
  await lockMonth(2021, '201001', 7, '王会计', database)
  const document = await buildRoundSubmission(2021, '201001', 7, new Date('2021-08-06T01:00:00Z'), database)
  return {
    id: 5, department: { id: 1, ...document.department }, year: 2021, month: 7, revision: 2, state: 'submitted', formatVersion: document.formatVersion,
    reportedAt: document.reportedAt, sha256: '0'.repeat(64), source: 'online', submittedBy: 'dept', submittedAt: '2021-08-06T01:00:00Z',
    documentDepartmentName: document.department.name, content: document.content,
  }
}

describe('监控表 of a submission the bureau opens', () => {
  it('has one form per submitted project with the submitted 年初 / 调整 / 调整后 and 执行 figures', async () => {
    const submission = await received()
    const input = submissionWorkbookInput(submission, '2021-08-10')!
    const submitted = readRoundProjects(submission.content)
    expect(input).toMatchObject({ departmentCode: '201001', departmentName: '某区文化和旅游局', year: 2021, month: 7, date: '2021-08-10' })
    expect(input.forms.map((f) => f.projectName)).toEqual(submitted.map((p) => p.name))
    const [total] = input.forms[0]!.funding
    expect([total.initialBudget, total.adjustment, total.budget, total.executed]).toEqual([12_500_000, -2_500_000, 10_000_000, 7_000_000])
    expect(total.executionRate).toBe(submitted[0]!.executionRate)
    expect(input.forms.map((f) => f.status)).toEqual(submitted.map((p) => p.status))
    expect(input.totals.map((t) => [t.label, t.budget, t.executed])).toEqual([['部门合计', 13_000_000, 7_000_000]])
  })

  it('carries each indicator’s submitted note on its own row and reads 已报送 on the day reported', async () => {
    const input = submissionWorkbookInput(await received(), '2021-08-10')!
    const [lock] = await database.monthLocks.toArray()
    expect(input.reportedOn).toBe(new Date(lock!.lockedAt).toLocaleDateString('sv-SE'))
    const rows = input.forms.flatMap((f) => f.indicators)
    const noted = rows.find((r) => r.indicatorId === indicatorId)!
    expect([noted.reasons, noted.likelihood, noted.likelihoodSource, noted.explanation]).toEqual([['funding'], 'possible', 'confirmed', '档期推迟'])
    expect(rows.filter((r) => r.indicatorId !== indicatorId).every((r) => r.reasons.length === 0 && r.explanation === '')).toBe(true)
  })

  it('writes a workbook with a sheet per project', async () => {
    const input = submissionWorkbookInput(await received(), '2021-08-10')!
    const { writeMonitoringWorkbook } = await import('@/exporters/monitoringFormXlsx')
    const ExcelJS = (await import('exceljs')).default
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await writeMonitoringWorkbook(input))
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['汇总', '文化下乡活动经费', '图书馆免费开放补助'])
  })
})
