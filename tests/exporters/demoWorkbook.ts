/**
 * The demo department's round at 7月 as the workbook export reads it from the database: the
 * five projects, per-indicator notes on two projects, a meeting with a decision, three action
 * items (one carried over and overdue, one completed late, one new) and its 会议纪要.
 * Built in node (no database) for the exporter tests and for rendering the workbook to look at.
 */
import { evaluateShownAt, type ReportedRound } from '@/domain'
import type { ActionItem, Decision } from '@/domain/agenda'
import type { IndicatorNote } from '@/domain/indicatorNotes'
import type { MeetingRecord } from '@/domain/meetingRecord'
import type { ProjectData } from '@/domain/projectData'
import type { WorkbookSource } from '@/domain/monitoringWorkbook'
import type { SignOff } from '@/domain/signOff'
import type { Month } from '@/domain/types'
import { demoData } from './demoEvaluations'

export const demo = demoData()
export const MONTH: Month = 7
export const TODAY = '2020-08-10'

/** A project's data by name. */
export function dataOf(name: string, data: readonly ProjectData[] = demo.data): ProjectData {
  const row = data.find((r) => r.project.name === name)
  if (!row) throw new Error(`no demo project ${name}`)
  return row
}

/** An indicator's id by project and indicator name. */
export function indicatorIdOf(projectName: string, indicatorName: string): string {
  const indicator = dataOf(projectName).indicators.find((i) => i.name === indicatorName)
  if (!indicator) throw new Error(`no indicator ${indicatorName}`)
  return indicator.id
}

const note = (projectName: string, indicatorName: string, fields: Partial<IndicatorNote>): IndicatorNote => ({
  indicatorId: indicatorIdOf(projectName, indicatorName),
  projectId: dataOf(projectName).project.id,
  month: MONTH,
  reasons: [],
  likelihood: null,
  explanation: '',
  remark: '',
  forecast: null,
  ...fields,
})

/** 制度保障 √ only on 法制工作专项经费's unreported 制度建设和实施效果; two reasons and an edited 全年预计 on a red one. */
export const INDICATOR_NOTES: readonly IndicatorNote[] = [
  note('法制工作专项经费', '制度建设和实施效果', {
    reasons: ['institution'],
    likelihood: 'possible',
    explanation: '评估制度尚在制定，8月印发后开展年中评估。',
    remark: '年底一次性评估',
  }),
  note('依法治区及普法宣传经费', '普法宣传资料印制', {
    reasons: ['funding', 'other'],
    likelihood: 'possible',
    explanation: '印制经费未到位，第三季度集中印制。',
    forecast: '96%',
  }),
  // A note of another month must not show at 7月.
  { ...note('社区矫正经费', '社区矫正宣传场次', { reasons: ['staffing'] }), month: 6 },
]

const FLC_ID = () => dataOf('法制工作专项经费').project.id
const action = (id: number, fields: Partial<ActionItem>): ActionItem => ({
  id,
  projectId: FLC_ID(),
  month: 6,
  text: '',
  owner: '',
  dueDate: '',
  status: 'open',
  closedMonth: null,
  ...fields,
})

export const ACTIONS: readonly ActionItem[] = [
  action(1, { text: '完成第三方评估采购', owner: '张科长', dueDate: '2020-07-15', progress: 'inProgress' }),
  action(2, {
    projectId: dataOf('依法治区及普法宣传经费').project.id,
    text: '印制普法宣传资料',
    owner: '李主任',
    dueDate: '2020-07-10',
    status: 'closed',
    closedMonth: 7,
    progress: 'done',
    completionNote: '已印制 5000 份并发放',
    completedOn: '2020-07-20',
    evidence: '印制合同.pdf',
  }),
  action(3, { month: 7, text: '每月跟踪支付进度', owner: '王会计', dueDate: '2020-08-31' }),
]

export const DECISIONS: readonly Decision[] = [
  { projectId: FLC_ID(), month: 7, decision: 'adjustBudget', remark: '调减 1 万元' },
  { projectId: FLC_ID(), month: 6, decision: 'continue', remark: '' },
]

export const RECORD: MeetingRecord = {
  year: 2020,
  departmentCode: demo.departmentCode,
  month: 7,
  date: '2020-08-06',
  place: '局三楼会议室',
  host: '赵局长',
  attendees: '赵局长、张科长、李主任、王会计',
  notes: '逐项听取滞后项目情况，议定调整预算并限期整改。',
}

export const SIGN_OFF: SignOff = { preparer: '王会计', phone: '0335-4041234', unitHead: '赵局长', financeHead: '钱科长', date: '' }

/** The source of the workbook at 7月 (草稿 unless `rounds` has the month 已报送). */
export function demoSource(rounds: readonly ReportedRound[] = [], data: readonly ProjectData[] = demo.data, reportedOn: string | null = null): WorkbookSource {
  return {
    departmentCode: demo.departmentCode,
    departmentName: demo.departmentName,
    year: demo.year,
    month: MONTH,
    today: TODAY,
    data,
    view: evaluateShownAt(data, rounds, MONTH),
    indicatorNotes: INDICATOR_NOTES,
    reportedOn,
    signOff: SIGN_OFF,
    presetName: '本系统默认',
    meeting: { flags: [], decisions: DECISIONS, actions: ACTIONS, records: [RECORD], referenceDate: '2020-08-01' },
  }
}
