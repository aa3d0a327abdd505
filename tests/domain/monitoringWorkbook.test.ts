import { describe, expect, it } from 'vitest'
import { buildReportedRound, evaluateProjectData } from '@/domain'
import { actionAtMonth, type ActionItem } from '@/domain/agenda'
import { buildActionListRow, buildMonitoringWorkbookInput, roundStatusLine } from '@/domain/monitoringWorkbook'
import { ACTIONS, DECISIONS, demo, demoSource, RECORD, SIGN_OFF, TODAY } from '../exporters/demoWorkbook'

const item = (fields: Partial<ActionItem>): ActionItem => ({
  id: 1,
  projectId: 'p',
  month: 6,
  text: '整改',
  owner: '张',
  dueDate: '2020-07-15',
  status: 'open',
  closedMonth: null,
  ...fields,
})

describe('the workbook of a round', () => {
  it.each([
    [null, '草稿'],
    [undefined, '草稿'],
    ['2020-08-05', '已报送（2020-08-05）'],
  ])('status line for %s reads %s', (reportedOn, line) => {
    expect(roundStatusLine(reportedOn)).toBe(line)
  })

  it.each<[string, Partial<ActionItem>, string, string, boolean]>([
    ['open, not yet due', { dueDate: '2020-08-31', month: 7 }, '未开始', '', false],
    ['open past its 期限, carried over', { progress: 'inProgress' }, '进行中', '逾期', true],
    ['closed at this meeting after its 期限', { status: 'closed', closedMonth: 7, progress: 'done', completedOn: '2020-07-20' }, '已完成', '逾期完成', false],
    ['closed on time', { status: 'closed', closedMonth: 7, progress: 'done', completedOn: '2020-07-14' }, '已完成', '', false],
    ['closed at a later meeting: still being worked on here', { status: 'closed', closedMonth: 8, progress: 'done', completedOn: '2020-08-20' }, '进行中', '逾期', true],
  ])('整改清单 row of an item %s', (_, fields, progress, lateness, isCarriedOver) => {
    const action = actionAtMonth(item(fields), 7, '2020-08-01')!
    const row = buildActionListRow(action, '法制工作专项经费')
    expect([row.progress, row.lateness, row.isCarriedOver]).toEqual([progress, lateness, isCarriedOver])
    // 完成说明 and 实际完成日期 show only once the item is done at this meeting.
    expect(row.completedOn).toBe(action.state === 'closed' ? (fields.completedOn ?? '') : '')
  })

  it('has a form for every project of the department, on the agenda or not', () => {
    const input = buildMonitoringWorkbookInput(demoSource())
    expect(input.forms.map((f) => f.projectName)).toEqual(demo.data.map((row) => row.project.name))
    expect(input.totals.map((t) => t.label)).toEqual(['议程项目合计', '部门合计'])
    expect(input.outcomes?.has(demo.data.find((row) => row.project.name === '法律援助经费')!.project.id)).toBe(false)
    expect(input.signOff).toEqual(SIGN_OFF)
    expect(input.date).toBe(TODAY)
    expect(input.reportedOn).toBeNull()
    expect(input.actions).toHaveLength(ACTIONS.length)
    expect(input.minutes).toMatchObject({ date: RECORD.date, host: RECORD.host, decisions: [{ projectName: '法制工作专项经费', label: '调整预算（调减 1 万元）' }] })
    expect(DECISIONS.some((d) => d.month !== 7)).toBe(true)
  })

  it('takes a 议定事项 on a project taken off the agenda too', () => {
    const green = demo.data.find((row) => row.project.name === '法律援助经费')!.project.id
    const source = demoSource()
    const input = buildMonitoringWorkbookInput({ ...source, meeting: { ...source.meeting!, decisions: [...DECISIONS, { projectId: green, month: 7, decision: 'continue', remark: '' }] } })
    expect(input.minutes?.decisions.map((d) => d.projectName)).toEqual(['法制工作专项经费', '法律援助经费'])
  })

  it('shows a reported round’s figures and note, with today’s differences', () => {
    const round = buildReportedRound(demo.data, { year: 2020, departmentCode: demo.departmentCode, month: 7, revision: 1, reportedAt: '2020-08-05T02:00:00Z', reportedBy: '王' })
    // After 报送 the project note of 法制工作专项经费 is rewritten and more is spent.
    const today = demo.data.map((row) =>
      row.project.name === '法制工作专项经费'
        ? { ...row, notes: row.notes.map((n) => ({ ...n, explanation: '改过的说明' })), spending: [...row.spending, { projectId: row.project.id, month: 7 as const, amount: 200_000 }] }
        : row,
    )
    const input = buildMonitoringWorkbookInput(demoSource([round], today, '2020-08-05'))
    const form = input.forms.find((f) => f.projectName === '法制工作专项经费')!
    const reported = round.evaluations.find((e) => e.project.name === '法制工作专项经费')!
    expect(form.funding[0].executed).toBe(reported.spend.executed)
    expect(form.funding[0].executed).not.toBe(evaluateProjectData(today[1]!, 7).spend.executed)
    expect(form.explanation).toContain('第三方评估')
    expect(form.changes.map((d) => d.label)).toEqual(['执行数', '执行率', '偏差', '监控说明'])
    expect(form.funding[0].remark).toContain('报送后有变动：执行数 今日 1.00 万元（报送时 0.80 万元）')
    expect(input.reportedOn).toBe('2020-08-05')
  })
})
