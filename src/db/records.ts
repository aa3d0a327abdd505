import type {
  Checkpoint,
  DeviationReason,
  Fen,
  IndicatorKind,
  Likelihood,
  Month,
  Operator,
  Status,
} from '@/domain/types'

/** A department, keyed by its unit code (单位编码). */
export interface DepartmentRecord {
  code: string
  name: string
}

/** A project of one fiscal year; id = `${year}/${departmentCode}/${code}`. */
export interface ProjectRecord {
  id: string
  year: number
  departmentCode: string
  code: string
  name: string
  budgetTotal: Fen
  budgetFiscal: Fen | null
  budgetOther: Fen | null
  purpose: string
  plan: Record<Checkpoint, number | null>
  goals: string[]
  /** Position in its source document, so lists keep the document's order. */
  order: number
}

export interface IndicatorRecord {
  id: string
  projectId: string
  order: number
  level1: string
  level2: string
  name: string
  description: string
  targetRaw: string
  operator: Operator | null
  targetValue: number | null
  unit: string | null
  /** The kind the document implies (from its unit); re-import updates it. */
  kind: IndicatorKind
  /** 口径 set by a user after import; wins over `kind`. Absent on older rows; null = none. */
  kindOverride?: Exclude<IndicatorKind, 'qualitative'> | null
  basis: string | null
}

/** The spending of one project in one month, in 分 (not cumulative). */
export interface SpendingRecord {
  projectId: string
  month: Month
  amount: Fen
}

/** One indicator's entry for one month; projectId is denormalised for per-project queries. */
export interface IndicatorValueRecord {
  indicatorId: string
  projectId: string
  month: Month
  value: number | null
  manualStatus: Exclude<Status, 'unreported'> | null
}

/** Monitoring note of a project for one as-of month. */
export interface NoteRecord {
  projectId: string
  month: Month
  reasons: DeviationReason[]
  explanation: string
  likelihood: Likelihood | null
  actions: string
}

export type ChangeKind =
  | 'import'
  | 'spending'
  | 'indicator'
  | 'note'
  | 'demo'
  | 'settings'
  | 'lock'
  | 'agenda'
  | 'decision'
  | 'action'

/** One recorded change: what, old → new, when and by whom. */
export interface ChangeRecord {
  id?: number
  /** ISO timestamp. */
  at: string
  actor: string
  kind: ChangeKind
  projectId: string | null
  indicatorId: string | null
  month: Month | null
  oldValue: unknown
  newValue: unknown
  summary: string
}

export interface SettingRecord {
  key: string
  value: unknown
}

/** One imported document, kept so an import can be audited and repeated. */
export interface ImportRecord {
  id?: number
  at: string
  year: number
  departmentCode: string
  fileName: string
  projectCount: number
  indicatorCount: number
  warningCount: number
}

/** A department's month marked 已报送 (submitted): its cells are locked until reopened. */
export interface MonthLockRecord {
  year: number
  departmentCode: string
  month: Month
  /** ISO timestamp. */
  lockedAt: string
  lockedBy: string
}

/**
 * 会议关注 set in the meeting of `month`: a project added to (true) or removed from (false) the
 * agenda by hand, or back to automatic (null). It holds until a later month's flag.
 */
export interface AgendaFlagRecord {
  projectId: string
  month: Month
  isOnAgenda: boolean | null
}

/** 会议决定 for a project in the meeting of an as-of month. */
export type MeetingDecision = 'continue' | 'adjustBudget' | 'adjustTarget' | 'suspend'

export interface DecisionRecord {
  projectId: string
  month: Month
  decision: MeetingDecision
  remark: string
  /** ISO timestamp. */
  decidedAt: string
}

/** An action item (整改措施) decided for a project; open ones carry over month to month. */
export interface ActionItemRecord {
  id?: number
  projectId: string
  /** As-of month of the meeting that created it. */
  month: Month
  text: string
  /** 责任人 */
  owner: string
  /** 期限, ISO date (YYYY-MM-DD). */
  dueDate: string
  status: 'open' | 'closed'
  /** As-of month of the meeting that closed it; null while open. */
  closedMonth: Month | null
}
