/**
 * 整改 lifecycle of an action item (整改措施): 未开始 → 进行中 → 已完成, with the 整改结果确认
 * (完成说明, 实际完成日期, 证明材料). Rows stored before the lifecycle existed have only
 * status open / closed; actionProgressOf maps them (open → 未开始, closed → 已完成).
 *
 * Glossary: 整改进度 progress, 完成说明 completion note, 实际完成日期 completedOn,
 * 证明材料 evidence (a note or a file name), 逾期完成 completed late.
 */

/** 整改进度 */
export type ActionProgress = 'notStarted' | 'inProgress' | 'done'

export const ACTION_PROGRESSES: readonly ActionProgress[] = ['notStarted', 'inProgress', 'done']

export const ACTION_PROGRESS_LABELS: Readonly<Record<ActionProgress, string>> = {
  notStarted: '未开始',
  inProgress: '进行中',
  done: '已完成',
}

/** The stored fields the lifecycle reads; the lifecycle fields are absent on older rows. */
export interface ActionLifecycleFields {
  readonly status: 'open' | 'closed'
  readonly dueDate: string
  readonly progress?: ActionProgress
  /** 实际完成日期, YYYY-MM-DD ('' or absent = not recorded) */
  readonly completedOn?: string
}

/** 整改进度 of a stored item: its own when recorded, else open → 未开始 and closed → 已完成. */
export function actionProgressOf(item: Pick<ActionLifecycleFields, 'status' | 'progress'>): ActionProgress {
  // A row written by the lifecycle keeps status in step; an old row has only status.
  if (item.progress !== undefined) return item.status === 'closed' ? 'done' : item.progress === 'done' ? 'inProgress' : item.progress
  return item.status === 'closed' ? 'done' : 'notStarted'
}

/** The stored status a progress implies: 已完成 is closed, anything else open. */
export function statusOfProgress(progress: ActionProgress): 'open' | 'closed' {
  return progress === 'done' ? 'closed' : 'open'
}

/** 逾期完成: done, with an 实际完成日期 after its 期限 (ISO dates compare as strings). */
export function isCompletedLate(item: ActionLifecycleFields): boolean {
  const completedOn = item.completedOn ?? ''
  return actionProgressOf(item) === 'done' && item.dueDate !== '' && completedOn !== '' && completedOn > item.dueDate
}

/** How the 整改 result reads in a list or the briefing, e.g. "已完成（逾期完成，2020-09-05）". */
export function describeActionProgress(item: ActionLifecycleFields, isOverdue: boolean): string {
  const progress = actionProgressOf(item)
  const label = ACTION_PROGRESS_LABELS[progress]
  if (progress !== 'done') return isOverdue ? `${label}（逾期）` : label
  const parts = [isCompletedLate(item) ? '逾期完成' : null, item.completedOn || null].filter((p): p is string => p !== null)
  return parts.length === 0 ? label : `${label}（${parts.join('，')}）`
}
