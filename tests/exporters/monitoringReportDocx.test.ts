import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import { actionsAtMonth, type ActionItem } from '@/domain/agenda'
import { summarizeProjects, isLagging } from '@/domain'
import { formatPercent, formatPoints } from '@/domain/format'
import { emptyIndicatorNote, type IndicatorNote } from '@/domain/indicatorNotes'
import { buildFormTotal } from '@/domain/monitoringForm'
import { buildMonitoringReport } from '@/domain/monitoringReport'
import { formatWan } from '@/domain/money'
import { monitoringReportFileName, writeMonitoringReportDocx } from '@/exporters/monitoringReportDocx'
import { demoAt } from './demoEvaluations'

const demo = demoAt(7)
const laggingProjects = demo.evaluations.filter(isLagging)
const laggingIndicator = laggingProjects.flatMap((e) => e.indicators.filter((i) => i.status === 'red' || i.status === 'yellow'))[0]

function inputs() {
  const first = laggingProjects[0]!
  const notes: IndicatorNote[] = laggingIndicator
    ? [{ ...emptyIndicatorNote(laggingIndicator.indicator.id, laggingIndicator.indicator.projectId, 7), reasons: ['staffing', 'other'], explanation: '案件来源减少' }]
    : []
  const items: ActionItem[] = [
    { id: 1, projectId: first.project.id, month: 7, text: '加快支付进度', owner: '李科长', dueDate: '2020-08-15', status: 'open', closedMonth: null, progress: 'inProgress', completionNote: '已支付一半' },
    { id: 2, projectId: first.project.id, month: 7, text: '补录案件台账', owner: '王', dueDate: '2020-07-31', status: 'closed', closedMonth: 7, progress: 'done', completedOn: '2020-08-05' },
  ]
  return {
    departmentName: demo.departmentName,
    year: demo.year,
    month: 7 as const,
    evaluations: demo.evaluations,
    notes: demo.notes,
    indicatorNotes: notes,
    actions: actionsAtMonth(items, 7, '2020-08-01'),
    projectNames: new Map(demo.evaluations.map((e) => [e.project.id, e.project.name])),
  }
}

async function readBack(): Promise<string> {
  const bytes = await writeMonitoringReportDocx(buildMonitoringReport(inputs()))
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
  return value.replace(/\n+/g, '\n')
}

describe('监控报告 (.docx) of the demo at 7月', () => {
  it('has the title, the round and the four sections in order', async () => {
    const text = await readBack()
    const at = (s: string) => text.indexOf(s)
    expect(at('部门预算绩效运行监控情况报告')).toBe(0)
    expect(text).toContain(`${demo.departmentName} · 2020年度 · 1–7月`)
    const order = ['一、总体情况', '二、偏离情况及原因', '三、全年预计', '四、下一步措施'].map(at)
    expect(order.every((i) => i > 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })

  it('states the department figures exactly as the domain computes them', async () => {
    const text = await readBack()
    const s = summarizeProjects(demo.evaluations)
    expect(text).toContain(`纳入监控的项目共 5 个，预算数合计 ${formatWan(s.budget)}万元`)
    expect(formatWan(s.budget)).toBe('21.05')
    expect(text).toContain(`1–7月执行数 ${formatWan(s.executed)}万元，执行率 ${formatPercent(s.executionRate, 2)}`)
    expect(text).toContain(`应达到 ${formatPercent(s.planned, 2)}，偏差 ${formatPoints(s.deviation, 2)} 个百分点；序时进度 ${formatPercent(s.timeProgress, 2)}`)
    expect(text).toContain(`绿（正常）${s.counts.green} 个，黄（关注）${s.counts.yellow} 个，红（滞后）${s.counts.red} 个，未填报 ${s.counts.unreported} 个`)
    for (const e of demo.evaluations) {
      expect(text).toContain(e.project.name)
      expect(text).toContain(`${formatWan(e.spend.executed)}万元`)
      expect(text).toContain(formatPercent(e.spend.executionRate, 2))
    }
  })

  it('lists each lagging project and indicator with the reasons from the notes', async () => {
    const text = await readBack()
    expect(laggingProjects.length).toBeGreaterThan(0)
    for (const e of laggingProjects) expect(text).toMatch(new RegExp(`（\\d）${e.project.name}（`))
    for (const e of demo.evaluations.filter((x) => !isLagging(x))) expect(text).not.toMatch(new RegExp(`（\\d）${e.project.name}（`))
    expect(laggingIndicator).toBeDefined()
    expect(text).toContain(`指标「${laggingIndicator!.indicator.name}」`)
    expect(text).toContain('偏差原因：人员保障、其他；案件来源减少')
  })

  it('gives the year-end forecast and the 整改 items with their state', async () => {
    const text = await readBack()
    const total = buildFormTotal('部门合计', demo.evaluations)
    expect(text).toContain(`全年预计执行数 ${total.forecast === null ? '—' : `${formatWan(total.forecast)}万元`}`)
    for (const e of demo.evaluations) expect(text).toContain(formatPercent(e.spend.forecastRate, 2))
    expect(text).toContain('会议确定整改措施 2 项，其中未完成 1 项')
    expect(text).toMatch(/加快支付进度\s*李科长\s*2020-08-15\s*进行中：已支付一半/)
    expect(text).toMatch(/补录案件台账\s*王\s*2020-07-31\s*已完成（逾期完成，2020-08-05）/)
  })

  it('is named after the round and the department', () => {
    expect(monitoringReportFileName(2020, 7, '315002')).toBe('部门预算绩效运行监控情况报告_2020年1-7月_315002.docx')
  })
})
