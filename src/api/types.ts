// What the 财政局 server answers (server/repositories/*, server/review/*), as the app reads it.
// Declared here, not imported: the app bundle must not pull in server code.

export type Role = 'bureau' | 'department'
export type SubmissionState = 'submitted' | 'returned' | 'approved'
export type RoundState = 'not_submitted' | 'overdue' | SubmissionState
export type InquiryState = 'open' | 'answered' | 'closed'

export interface DepartmentRef {
  readonly id: number
  readonly code: string
  readonly name: string
}

export interface Account {
  readonly id: number
  readonly login: string
  readonly role: Role
  readonly department: DepartmentRef | null
}

export interface SubmissionSummary {
  readonly id: number
  readonly department: DepartmentRef
  readonly year: number
  readonly month: number
  readonly revision: number
  readonly state: SubmissionState
  readonly formatVersion: number
  readonly reportedAt: string
  readonly sha256: string
  readonly source: 'online' | 'package'
  readonly submittedBy: string
  readonly submittedAt: string
}

export interface Submission extends SubmissionSummary {
  readonly documentDepartmentName: string
  readonly content: unknown
}

export interface Inquiry {
  readonly id: number
  readonly submissionId: number
  readonly revision: number
  readonly year: number
  readonly month: number
  readonly target: { readonly projectId: string; readonly indicatorId: string | null }
  readonly question: string
  readonly state: InquiryState
  readonly askedBy: string
  readonly askedAt: string
  readonly answer: string | null
  readonly answeredBy: string | null
  readonly answeredAt: string | null
  readonly closeNote: string | null
  readonly closedBy: string | null
  readonly closedAt: string | null
}

export interface ReviewActionEntry {
  readonly id: number
  readonly action: string
  readonly label: string
  readonly revision: number | null
  readonly submissionId: number | null
  readonly inquiryId: number | null
  readonly actor: string
  readonly actorRole: Role
  readonly at: string
  readonly note: string | null
}

/** A department's round: every revision (newest first), its 问询 and the review log. */
export interface RoundHistory {
  readonly department: DepartmentRef
  readonly year: number
  readonly month: number
  readonly revisions: readonly SubmissionSummary[]
  readonly inquiries: readonly Inquiry[]
  readonly actions: readonly ReviewActionEntry[]
}

export interface StatusCell {
  readonly month: number
  readonly state: RoundState
  readonly label: string
  readonly submissionId: number | null
  readonly revision: number | null
  readonly isLate: boolean
  readonly unclosedInquiries: number
}

/** 报送情况 of a year: departments × months. */
export interface StatusListing {
  readonly year: number
  readonly today: string
  readonly deadlines: readonly { readonly month: number; readonly deadline: string | null }[]
  readonly departments: readonly { readonly code: string; readonly name: string; readonly months: readonly StatusCell[] }[]
}

export interface RegisteredDepartment {
  readonly id: number
  readonly code: string
  readonly name: string
  readonly login: string | null
}

/** The Chinese names of the states (the server's SUBMISSION_STATE_LABELS and INQUIRY_STATE_LABELS). */
export const SUBMISSION_STATE_LABELS: Readonly<Record<SubmissionState, string>> = {
  submitted: '待审核',
  returned: '已退回',
  approved: '已审核',
}
export const INQUIRY_STATE_LABELS: Readonly<Record<InquiryState, string>> = {
  open: '待答复',
  answered: '已答复',
  closed: '已关闭',
}
