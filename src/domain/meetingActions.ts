/** Action items (整改措施) as stored and as seen in the meeting of one as-of month. */
import { actionProgressOf, isCompletedLate, type ActionProgress } from './actionProgress'
import type { Month } from './types'

export type ActionStatus = 'open' | 'closed'

/** An action item (整改措施) as stored: created in one meeting, closed in a later one. */
export interface ActionItem {
  readonly id: number
  readonly projectId: string
  /** As-of month of the meeting that created it. */
  readonly month: Month
  readonly text: string
  /** 责任人 */
  readonly owner: string
  /** 期限, ISO date YYYY-MM-DD */
  readonly dueDate: string
  readonly status: ActionStatus
  /** As-of month of the meeting that closed it; null while open. */
  readonly closedMonth: Month | null
  /** 整改进度 (absent on rows from before the lifecycle: see actionProgressOf) */
  readonly progress?: ActionProgress
  /** 完成说明 */
  readonly completionNote?: string
  /** 实际完成日期, YYYY-MM-DD or '' */
  readonly completedOn?: string
  /** 证明材料: a note or a file name */
  readonly evidence?: string
}

/** An action item as seen in the meeting of one as-of month. */
export interface MeetingAction {
  readonly item: ActionItem
  /** Its state at that meeting: an item closed in a later meeting is still open here. */
  readonly state: ActionStatus
  /** 结转: created in an earlier meeting and still open. */
  readonly isCarriedOver: boolean
  /** 逾期: open and its 期限 is before the meeting's reference date. */
  readonly isOverdue: boolean
  /** 整改进度 at that meeting: 已完成 only from the meeting that closed it. */
  readonly progress: ActionProgress
  /** 逾期完成: closed at or before this meeting with 实际完成日期 after 期限; the mark stays. */
  readonly isCompletedLate: boolean
}

/**
 * How an action item stands at the meeting of `month` judged at `referenceDate` (YYYY-MM-DD);
 * null when it does not belong there.
 */
export function actionAtMonth(item: ActionItem, month: Month, referenceDate: string): MeetingAction | null {
  if (item.month > month) return null
  // A closed item without its closing month (never written by the app) closed where it began.
  const closedMonth = item.status === 'closed' ? (item.closedMonth ?? item.month) : null
  if (closedMonth !== null && closedMonth < month) return null
  const state: ActionStatus = closedMonth === null || closedMonth > month ? 'open' : 'closed'
  const stored = actionProgressOf(item)
  // Closed in a later meeting: here it was still being worked on (or not yet begun).
  const progress: ActionProgress = state === 'closed' ? 'done' : stored === 'done' ? 'inProgress' : stored
  return {
    item,
    state,
    isCarriedOver: item.month < month && state === 'open',
    // ISO dates compare as strings.
    isOverdue: state === 'open' && item.dueDate !== '' && item.dueDate < referenceDate,
    progress,
    isCompletedLate: state === 'closed' && isCompletedLate(item),
  }
}

/** Sort order of actions in a meeting: open before closed, overdue first, then by 期限 and id. */
export function compareMeetingActions(a: MeetingAction, b: MeetingAction): number {
  if (a.state !== b.state) return a.state === 'open' ? -1 : 1
  if (a.isOverdue !== b.isOverdue) return a.isOverdue ? -1 : 1
  return a.item.dueDate.localeCompare(b.item.dueDate) || a.item.id - b.item.id
}

/** The action items of the meeting of `month` (carried-over open ones included), sorted. */
export function actionsAtMonth(items: readonly ActionItem[], month: Month, referenceDate: string): readonly MeetingAction[] {
  return items
    .flatMap((item) => {
      const action = actionAtMonth(item, month, referenceDate)
      return action === null ? [] : [action]
    })
    .sort(compareMeetingActions)
}
