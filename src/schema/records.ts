/**
 * The rows the app stores, each defined once as a valibot schema: src/db takes its record types
 * from here (type-only, so the database code ships no validator) and the backup validator checks
 * untrusted rows against the same schemas. Messages say, in Chinese, what a field should be;
 * the validator adds the table, the row and the field path.
 */
import * as v from 'valibot'
import { ACTION_PROGRESSES } from '@/domain/actionProgress'
import { isIsoDate, MEETING_DECISIONS } from '@/domain/agenda'
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

/** 单位, keyed by its unit code (单位编码). */
export const DepartmentRecordSchema = v.object({ code: text, name: text })

/** A project of one fiscal year; id = `${year}/${departmentCode}/${code}`; money in 分. */
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

export const CHANGE_KINDS = [
  'import',
  'spending',
  'indicator',
  'note',
  'demo',
  'settings',
  'lock',
  'agenda',
  'decision',
  'action',
  'indicatorNote',
  'meetingRecord',
] as const

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

export type DepartmentRecord = v.InferOutput<typeof DepartmentRecordSchema>
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
export type IndicatorNoteRecord = v.InferOutput<typeof IndicatorNoteRecordSchema>
export type MeetingMinutesRecord = v.InferOutput<typeof MeetingMinutesRecordSchema>
