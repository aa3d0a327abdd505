/**
 * The rows the app stores, each defined once as a valibot schema: src/db takes its record types
 * from here (type-only, so the database code ships no validator) and the backup validator checks
 * untrusted rows against the same schemas. Messages say, in Chinese, what a field should be;
 * the validator adds the table, the row and the field path.
 */
import * as v from 'valibot'
import { ACTION_PROGRESSES } from '@/domain/actionProgress'
import { isIsoDate, MEETING_DECISIONS } from '@/domain/agenda'
import type { ReportedRound } from '@/domain/reportedRound'
import { DEVIATION_REASONS, MONTHS } from '@/domain/types'

const text = v.string('文字')
const nullableText = v.nullable(v.string('文字或空'))
const integer = v.pipe(v.number('整数'), v.safeInteger('整数'))
const year = v.pipe(v.number('年度（如 2020）'), v.integer('年度（如 2020）'), v.minValue(1900, '年度（如 2020）'), v.maxValue(2200, '年度（如 2020）'))
/** Money in whole 分 (1 万元 = 1,000,000 分). */
const amount = (expected: string) => v.pipe(v.number(expected), v.safeInteger(expected))
const fen = amount('非负整数金额（分）')
const nonNegativeFen = v.pipe(fen, v.minValue(0, '非负整数金额（分）'))
const nullableFen = v.nullable(v.pipe(amount('非负整数金额（分）或空'), v.minValue(0, '非负整数金额（分）或空')))
const finite = (expected: string) => v.pipe(v.number(expected), v.finite(expected))
const month = v.picklist(MONTHS, '1–12 的月份')
const nullableMonth = v.nullable(v.picklist(MONTHS, '1–12 的月份或空'))
const positiveId = v.optional(v.pipe(v.number('正整数编号'), v.safeInteger('正整数编号'), v.minValue(1, '正整数编号')))
/** An ISO timestamp, as `new Date().toISOString()` writes it. */
const timestamp = v.pipe(
  v.string('时间（ISO 格式，如 2021-07-01T08:00:00.000Z）'),
  v.check((value) => !Number.isNaN(Date.parse(value)), '时间（ISO 格式，如 2021-07-01T08:00:00.000Z）'),
)
const planPoint = (checkpoint: number) => v.nullable(finite(`数字或空（${checkpoint}月底累计支出计划，%）`))
const kindOf = v.picklist(['cumulative', 'level', 'qualitative'], 'cumulative / level / qualitative 之一')

/**
 * Where a department's data came from when the bureau pulled it from the 财政局 server (来自报送):
 * the submission (server id), its round and revision, when it was submitted and pulled. Such a
 * department and its projects are read-only in this browser.
 */
export const PulledMarkerSchema = v.object({
  submissionId: v.pipe(integer, v.minValue(1, '正整数编号')),
  year,
  month,
  revision: v.pipe(integer, v.minValue(1, '正整数（第几版）')),
  submittedAt: timestamp,
  pulledAt: timestamp,
})

/** 单位, keyed by its unit code (单位编码); `pulled` only on a department pulled from the server. */
export const DepartmentRecordSchema = v.object({ code: text, name: text, pulled: v.optional(PulledMarkerSchema) })

/** Fields a user edited by hand (项目管理) since the last import: a re-import keeps them unless told otherwise. */
const editedFields = v.optional(v.array(text, '字段名列表'))
/** When a user archived (删除) the row; absent or null = in use. */
const archivedAt = v.optional(v.nullable(timestamp))

/**
 * A project of one fiscal year; money in 分. The id is stable and never re-keyed: imported
 * projects keep `${year}/${departmentCode}/${code}` of their first import, projects created by
 * hand get `${year}/${departmentCode}/~${random}`; either way it starts with year/department/.
 * The code is an editable attribute.
 */
export const ProjectRecordSchema = v.object({
  id: text,
  year,
  departmentCode: text,
  code: text,
  name: text,
  budgetTotal: nonNegativeFen,
  budgetFiscal: nullableFen,
  budgetOther: nullableFen,
  purpose: text,
  plan: v.object({ 3: planPoint(3), 6: planPoint(6), 10: planPoint(10), 12: planPoint(12) }, '资金支出计划（3/6/10/12 月底）'),
  goals: v.array(text, '文字列表'),
  /** Position in its source document, so lists keep the document's order. */
  order: integer,
  /** True when the code was generated (自编), not given by a document or user; absent = false. */
  isCodeGenerated: v.optional(v.boolean('true 或 false')),
  /** The code of the last import, so a re-import finds the project after its code was edited by hand. */
  importedCode: v.optional(text),
  editedFields,
  archivedAt,
  /** Set on the projects of a department pulled from the server (来自报送): read-only. */
  pulledFrom: v.optional(PulledMarkerSchema),
})

export const IndicatorRecordSchema = v.object({
  id: text,
  projectId: text,
  order: integer,
  level1: text,
  level2: text,
  name: text,
  description: text,
  targetRaw: text,
  operator: v.nullable(v.picklist(['>=', '<=', '=', '>', '<'], '比较符（>=、<=、=、>、<）或空')),
  targetValue: v.nullable(finite('数字或空')),
  unit: nullableText,
  /** The kind the document implies (from its unit); re-import updates it. */
  kind: kindOf,
  /** 口径 set by a user after import; wins over `kind`. Absent on older rows; null = none. */
  kindOverride: v.optional(v.nullable(v.picklist(['cumulative', 'level'], 'cumulative / level 之一或空'))),
  basis: nullableText,
  /** 一级/二级/三级 names of the last import, so a re-import finds the indicator after a rename by hand. */
  importedKey: v.optional(v.array(text, '文字列表')),
  editedFields,
  archivedAt,
})

/** The spending of one project in one month, in 分 (not cumulative). */
export const SpendingRecordSchema = v.object({ projectId: text, month, amount: amount('整数金额（分）') })

/** One indicator's entry for one month; projectId is denormalised for per-project queries. */
export const IndicatorValueRecordSchema = v.object({
  indicatorId: text,
  projectId: text,
  month,
  value: v.nullable(finite('数字或空')),
  manualStatus: v.nullable(v.picklist(['green', 'yellow', 'red'], 'green / yellow / red 或空')),
})

/** Monitoring note of a project for one as-of month. */
export const NoteRecordSchema = v.object({
  projectId: text,
  month,
  reasons: v.array(v.picklist(DEVIATION_REASONS, `偏差原因（${DEVIATION_REASONS.join(' / ')} 之一）`), '偏差原因列表'),
  explanation: text,
  likelihood: v.nullable(v.picklist(['certain', 'possible', 'impossible'], 'certain / possible / impossible 或空')),
  actions: text,
})

/** Monitoring note of one indicator for one as-of month (监控表 per indicator). */
export const IndicatorNoteRecordSchema = v.object({
  indicatorId: text,
  projectId: text,
  month,
  reasons: v.array(v.picklist(DEVIATION_REASONS, `偏差原因（${DEVIATION_REASONS.join(' / ')} 之一）`), '偏差原因列表'),
  likelihood: v.nullable(v.picklist(['certain', 'possible', 'impossible'], 'certain / possible / impossible 或空')),
  /** 原因说明 */
  explanation: text,
  /** 备注 */
  remark: text,
  /** 全年预计完成情况 as rewritten by the user; null = the computed one */
  forecast: nullableText,
})

// 'indicator' is an entry of an indicator's value (or its 口径); 'indicatorDefinition' is an
// edit of the indicator itself in 项目管理 (names, 指标值, archive/restore).
export const CHANGE_KINDS = ['import', 'spending', 'indicator', 'note', 'demo', 'settings', 'lock', 'agenda', 'decision', 'action', 'project', 'indicatorDefinition', 'budget', 'target', 'indicatorNote', 'meetingRecord'] as const

/** Chinese names of the change kinds, as 修改记录 shows them. */
export const CHANGE_KIND_LABELS: Readonly<Record<(typeof CHANGE_KINDS)[number], string>> = {
  import: '导入',
  spending: '支出',
  indicator: '指标值',
  note: '监控说明',
  demo: '示例数据',
  settings: '设置',
  lock: '报送',
  agenda: '会议关注',
  decision: '会议决定',
  action: '整改措施',
  project: '项目信息',
  indicatorDefinition: '绩效指标',
  budget: '调整预算',
  target: '调整目标',
  indicatorNote: '指标监控说明',
  meetingRecord: '会议纪要',
}

/** One recorded change: what, old → new, when (ISO) and by whom. */
export const ChangeRecordSchema = v.object({
  id: positiveId,
  at: timestamp,
  actor: text,
  kind: v.picklist(CHANGE_KINDS, '修改类型'),
  projectId: nullableText,
  indicatorId: nullableText,
  month: nullableMonth,
  oldValue: v.optional(v.unknown(), null),
  newValue: v.optional(v.unknown(), null),
  summary: text,
})

export const SettingRecordSchema = v.object({ key: text, value: v.optional(v.unknown(), null) })

/** One imported document, kept so an import can be audited and repeated. */
export const ImportRecordSchema = v.object({
  id: positiveId,
  at: timestamp,
  year,
  departmentCode: text,
  fileName: text,
  projectCount: integer,
  indicatorCount: integer,
  warningCount: integer,
})

/** A department's month marked 已报送 (submitted): its cells are locked until reopened. */
export const MonthLockRecordSchema = v.object({ year, departmentCode: text, month, lockedAt: timestamp, lockedBy: text })

const status = v.picklist(['green', 'yellow', 'red', 'unreported'], 'green / yellow / red / unreported')
const nullableRate = v.nullable(finite('数字（%）或空'))

/**
 * A department's month as reported (已报送): the evaluations, notes and summary at the moment
 * of 报送 (ReportedRound in the domain), one row per report; a reopened report keeps its row,
 * with who reopened it, when and why. The evaluations are checked for the fields the pages read;
 * the rest of each (as evaluateProjectData built it) is kept as it is.
 */
const ReportedRoundRecordObject = v.looseObject({
  id: positiveId,
  year,
  departmentCode: text,
  month,
  revision: v.pipe(integer, v.minValue(1, '正整数（第几次报送）')),
  reportedAt: timestamp,
  reportedBy: text,
  thresholds: v.looseObject({
    yellowFrom: finite('数字（个百分点）'),
    redBelow: finite('数字（个百分点）'),
    levelTolerancePct: finite('数字（%）'),
    mismatchPoints: finite('数字（个百分点）'),
  }),
  evaluations: v.array(
    v.looseObject({
      project: v.looseObject({ id: text, departmentCode: text, code: text, name: text }),
      month,
      status,
      spend: v.looseObject({ budget: fen, executed: fen, executionRate: nullableRate, planned: finite('数字（%）'), deviation: nullableRate, status }),
      indicators: v.array(v.looseObject({ indicator: v.looseObject({ id: text, name: text }), status })),
      missing: v.array(text),
    }),
    '项目报送数据列表',
  ),
  notes: v.array(NoteRecordSchema, '监控说明列表'),
  summary: v.looseObject({ budget: fen, executed: fen, executionRate: nullableRate }),
  reopenedAt: v.nullable(timestamp),
  reopenedBy: nullableText,
  reopenReason: nullableText,
})

/** A stored reported round: the domain round plus its id and, once reopened, who reopened it, when and why. */
export interface ReportedRoundRecord extends ReportedRound {
  readonly id?: number
  readonly reopenedAt: string | null
  readonly reopenedBy: string | null
  readonly reopenReason: string | null
}

/** The schema of ReportedRoundRecord (typed as the record: the loose parts are kept as they are). */
export const ReportedRoundRecordSchema = ReportedRoundRecordObject as unknown as v.GenericSchema<unknown, ReportedRoundRecord>

/**
 * 会议关注 set in the meeting of `month`: a project added to (true) or removed from (false) the
 * agenda by hand, or back to automatic (null). It holds until a later month's flag.
 */
export const AgendaFlagRecordSchema = v.object({
  projectId: text,
  month,
  isOnAgenda: v.nullable(v.boolean('true、false 或空')),
})

/** 会议决定 for a project in the meeting of an as-of month. */
export const DecisionRecordSchema = v.object({
  projectId: text,
  month,
  decision: v.picklist(MEETING_DECISIONS, '会议决定（continue / adjustBudget / adjustTarget / suspend）'),
  remark: text,
  decidedAt: timestamp,
})

/** A real calendar day (YYYY-MM-DD), or empty. */
const isoDateOrEmpty = v.pipe(
  v.string('日期（YYYY-MM-DD，如 2021-09-30）或空'),
  v.check((value) => value === '' || isIsoDate(value), '真实存在的日期（YYYY-MM-DD，如 2021-09-30）或空'),
)

/** 会议纪要 of a department's meeting for one as-of month; 议定事项 are the decisions of that month. */
export const MeetingMinutesRecordSchema = v.object({
  year,
  departmentCode: text,
  month,
  /** 会议日期 */
  date: isoDateOrEmpty,
  place: text,
  /** 主持人 */
  host: text,
  /** 参会人员 */
  attendees: text,
  notes: text,
})

/** An action item (整改措施) decided for a project; open ones carry over month to month. */
export const ActionItemRecordSchema = v.pipe(
  v.object({
    id: positiveId,
    projectId: text,
    /** As-of month of the meeting that created it. */
    month,
    text,
    /** 责任人 */
    owner: text,
    /** 期限: a real calendar day (YYYY-MM-DD), or empty when none was set. */
    dueDate: isoDateOrEmpty,
    status: v.picklist(['open', 'closed'], 'open / closed'),
    /** As-of month of the meeting that closed it; null while open. */
    closedMonth: nullableMonth,
    /** 整改进度; absent on rows from before the lifecycle (open → 未开始, closed → 已完成). */
    progress: v.optional(v.picklist(ACTION_PROGRESSES, 'notStarted / inProgress / done')),
    /** 完成说明 */
    completionNote: v.optional(text),
    /** 实际完成日期 (YYYY-MM-DD) or empty */
    completedOn: v.optional(isoDateOrEmpty),
    /** 证明材料: a note or a file name */
    evidence: v.optional(text),
  }),
  v.forward(
    v.check((item) => (item.status === 'closed') === (item.closedMonth !== null), '已完成时为完成的月份（1–12），未完成时为空'),
    ['closedMonth'],
  ),
)

const isoDate = v.pipe(
  v.string('日期（YYYY-MM-DD，如 2020-05-20）'),
  v.check((value) => isIsoDate(value), '真实存在的日期（YYYY-MM-DD，如 2020-05-20）'),
)

/**
 * 调整预算: a dated change of a project's budget in 分 per source (追加 +, 调减 −); a 调剂 is
 * two rows (a 调减 and a 追加 on another project) sharing transferGroup and 文号.
 */
export const BudgetAdjustmentRecordSchema = v.object({
  id: positiveId,
  projectId: text,
  date: isoDate,
  fiscal: amount('整数金额（分，调减为负）'),
  other: amount('整数金额（分，调减为负）'),
  /** 文号; '' when none */
  documentNo: text,
  /** 调整原因; '' when none */
  reason: text,
  transferGroup: nullableText,
  /** When it was first recorded; an edit keeps it */
  at: timestamp,
  actor: text,
  /** When it was last edited; absent when never edited (and in backups made before it was kept) */
  editedAt: v.optional(timestamp),
})

/** 调整目标: a new version of an indicator's target, effective from `month` on. */
export const TargetAdjustmentRecordSchema = v.object({
  id: positiveId,
  indicatorId: text,
  projectId: text,
  month,
  targetRaw: text,
  operator: v.nullable(v.picklist(['>=', '<=', '=', '>', '<'], '比较符（>=、<=、=、>、<）或空')),
  targetValue: v.nullable(finite('数字或空')),
  unit: nullableText,
  kind: kindOf,
  reason: text,
  at: timestamp,
  actor: text,
})

export type DepartmentRecord = v.InferOutput<typeof DepartmentRecordSchema>
export type PulledMarker = v.InferOutput<typeof PulledMarkerSchema>
export type ProjectRecord = v.InferOutput<typeof ProjectRecordSchema>
export type IndicatorRecord = v.InferOutput<typeof IndicatorRecordSchema>
export type SpendingRecord = v.InferOutput<typeof SpendingRecordSchema>
export type IndicatorValueRecord = v.InferOutput<typeof IndicatorValueRecordSchema>
export type NoteRecord = v.InferOutput<typeof NoteRecordSchema>
export type ChangeKind = (typeof CHANGE_KINDS)[number]
export type ChangeRecord = v.InferOutput<typeof ChangeRecordSchema>
export type SettingRecord = v.InferOutput<typeof SettingRecordSchema>
export type ImportRecord = v.InferOutput<typeof ImportRecordSchema>
export type MonthLockRecord = v.InferOutput<typeof MonthLockRecordSchema>
export type AgendaFlagRecord = v.InferOutput<typeof AgendaFlagRecordSchema>
export type MeetingDecision = (typeof MEETING_DECISIONS)[number]
export type DecisionRecord = v.InferOutput<typeof DecisionRecordSchema>
export type ActionItemRecord = v.InferOutput<typeof ActionItemRecordSchema>
export type BudgetAdjustmentRecord = v.InferOutput<typeof BudgetAdjustmentRecordSchema>
export type TargetAdjustmentRecord = v.InferOutput<typeof TargetAdjustmentRecordSchema>
export type IndicatorNoteRecord = v.InferOutput<typeof IndicatorNoteRecordSchema>
export type MeetingMinutesRecord = v.InferOutput<typeof MeetingMinutesRecordSchema>
