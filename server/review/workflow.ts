// The review workflow as a state machine, pure: which action is allowed in which state, and the
// Chinese reason when it is not. A round of a department is the list of its revisions; only the
// latest revision can be acted on.
//
//   (none) ──报送──▶ submitted ──审核通过──▶ approved (final)
//                      │  ▲
//                   退回 │  │ 报送 (new revision; the returned one is kept)
//                      ▼  │
//                    returned
//
// 问询: open ──部门答复──▶ answered ──财政局关闭──▶ closed (the bureau may also close an open one).

export type SubmissionState = 'submitted' | 'returned' | 'approved'
export type InquiryState = 'open' | 'answered' | 'closed'
/** A department's round as the bureau's 报送情况 shows it. */
export type RoundState = 'not_submitted' | 'overdue' | SubmissionState

export const SUBMISSION_STATE_LABELS: Readonly<Record<SubmissionState, string>> = {
  submitted: '待审核',
  returned: '已退回',
  approved: '已审核',
}
export const ROUND_STATE_LABELS: Readonly<Record<RoundState, string>> = {
  not_submitted: '未报送',
  overdue: '逾期未报',
  ...SUBMISSION_STATE_LABELS,
}
export const INQUIRY_STATE_LABELS: Readonly<Record<InquiryState, string>> = {
  open: '待答复',
  answered: '已答复',
  closed: '已关闭',
}

/** The latest revision of a round, as far as the rules need it. */
export interface RevisionState {
  readonly revision: number
  readonly state: SubmissionState
}

export type Decision<T = undefined> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: string; readonly message: string }

const allow = <T>(value: T): Decision<T> => ({ ok: true, value })
const refuse = (code: string, message: string): Decision<never> => ({ ok: false, code, message })

/** Whether a department may 报送 the round now, and the revision number it gets. */
export function decideSubmit(latest: RevisionState | null): Decision<number> {
  if (latest === null) return allow(1)
  switch (latest.state) {
    case 'returned':
      return allow(latest.revision + 1)
    case 'submitted':
      return refuse('ROUND_PENDING', `本月已报送（第 ${latest.revision} 版），正在等待财政局审核，不能重复报送。如需修改，请联系财政局退回后重新报送。`)
    case 'approved':
      return refuse('ROUND_APPROVED', `本月报送（第 ${latest.revision} 版）已审核通过，不能再次报送。如确需更正，请联系财政局。`)
  }
}

export type ReviewAction = 'approve' | 'return' | 'ask'
const ACTION_NAMES: Readonly<Record<ReviewAction, string>> = { approve: '审核通过', return: '退回', ask: '问询' }

/** Whether the bureau may approve, return or ask on this revision of a round. */
export function decideReview(
  action: ReviewAction,
  target: RevisionState,
  latestRevision: number,
  unclosedInquiries: number,
): Decision {
  const name = ACTION_NAMES[action]
  if (target.revision !== latestRevision) {
    return refuse('STALE_REVISION', `第 ${target.revision} 版已被第 ${latestRevision} 版取代，不能再${name}；请打开最新一版。`)
  }
  if (target.state === 'approved') return refuse('ALREADY_APPROVED', `第 ${target.revision} 版已审核通过，不能再${name}。`)
  if (target.state === 'returned') return refuse('ALREADY_RETURNED', `第 ${target.revision} 版已退回，等待部门重新报送，不能再${name}。`)
  if (action === 'approve' && unclosedInquiries > 0) {
    return refuse('INQUIRIES_OPEN', `本月还有 ${unclosedInquiries} 条问询未关闭，请先处理部门的答复并关闭问询，再审核通过。`)
  }
  return allow(undefined)
}

/** Whether a department may answer an inquiry in this state. */
export function decideAnswer(state: InquiryState): Decision {
  if (state === 'open') return allow(undefined)
  if (state === 'answered') return refuse('INQUIRY_ANSWERED', '这条问询已答复，等待财政局审阅。')
  return refuse('INQUIRY_CLOSED', '这条问询已关闭，不能再答复。')
}

/** Whether the bureau may close an inquiry in this state. */
export function decideClose(state: InquiryState): Decision {
  if (state === 'closed') return refuse('INQUIRY_CLOSED', '这条问询已关闭。')
  return allow(undefined)
}

/** The state of a department's round in the 报送情况 listing, and whether it came in late.
 * Dates are calendar days (YYYY-MM-DD) in the bureau's time zone; the deadline day itself is on time. */
export function decideRoundState(
  latest: (RevisionState & { readonly firstSubmittedOn: string }) | null,
  deadline: string | null,
  today: string,
): { readonly state: RoundState; readonly isLate: boolean } {
  if (latest === null) {
    return { state: deadline !== null && today > deadline ? 'overdue' : 'not_submitted', isLate: false }
  }
  return { state: latest.state, isLate: deadline !== null && latest.firstSubmittedOn > deadline }
}

/** The bureau's time zone: China Standard Time, for deadlines and 逾期. */
export const BUREAU_TIME_ZONE = 'Asia/Shanghai'

/** The calendar day (YYYY-MM-DD) of an instant in the bureau's time zone. */
export function bureauDay(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: BUREAU_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant)
}
