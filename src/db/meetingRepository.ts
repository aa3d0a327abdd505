import { liveQuery, type Observable } from 'dexie'
import {
  DECISION_LABELS,
  effectiveAgendaFlag,
  type ActionItem,
  type AgendaFlag,
  type Decision,
  type MeetingDecision,
} from '@/domain/agenda'
import type { Month } from '@/domain/types'
import { newChange } from './changeLogRepository'
import { db as defaultDb, type MonitorDatabase } from './database'
import type { ActionItemRecord, DecisionRecord } from './records'
import { scopeKeyPrefix, type Scope } from './monitorRepository'

/** Everything a meeting stores for the projects of a scope (all months). */
export interface MeetingData {
  /** 会议关注 flags of every meeting month (resolve with effectiveAgendaFlags). */
  readonly flags: readonly AgendaFlag[]
  readonly decisions: readonly Decision[]
  readonly actions: readonly ActionItem[]
}

export const EMPTY_MEETING: MeetingData = { flags: [], decisions: [], actions: [] }

/** A new action item: 整改措施, 责任人, 期限 (YYYY-MM-DD), for the meeting of `month`. */
export interface NewActionItem {
  readonly projectId: string
  readonly month: Month
  readonly text: string
  readonly owner: string
  readonly dueDate: string
}

function toActionItem(row: ActionItemRecord): ActionItem {
  return {
    id: row.id ?? 0,
    projectId: row.projectId,
    month: row.month,
    text: row.text,
    owner: row.owner,
    dueDate: row.dueDate,
    status: row.status,
    closedMonth: row.closedMonth,
  }
}

function toDecision(row: DecisionRecord): Decision {
  return { projectId: row.projectId, month: row.month, decision: row.decision, remark: row.remark }
}

/** Agenda flags, decisions and action items of the scope's projects. */
export async function loadMeetingData(scope: Scope, database: MonitorDatabase = defaultDb): Promise<MeetingData> {
  return database.transaction(
    'r',
    [database.meetingAgendaFlags, database.decisions, database.actionItems],
    async () => {
      const prefix = scopeKeyPrefix(scope)
      const [flags, decisions, actions] = await Promise.all([
        database.meetingAgendaFlags.where('projectId').startsWith(prefix).toArray(),
        database.decisions.where('projectId').startsWith(prefix).toArray(),
        database.actionItems.where('projectId').startsWith(prefix).toArray(),
      ])
      return {
        flags: flags.map((row) => ({ projectId: row.projectId, month: row.month, isOnAgenda: row.isOnAgenda })),
        decisions: decisions.map(toDecision),
        actions: actions.map(toActionItem),
      }
    },
  )
}

/** Live version of loadMeetingData: re-emits when a flag, decision or action changes (any tab). */
export function observeMeetingData(scope: Scope, database: MonitorDatabase = defaultDb): Observable<MeetingData> {
  return liveQuery(() => loadMeetingData(scope, database))
}

/**
 * Sets 会议关注 in the meeting of `month` (true add, false remove, null back to automatic), logged.
 * An addition holds from that month on, a removal for that month only (effectiveAgendaFlag);
 * earlier meetings stay as they were.
 */
export async function setAgendaFlag(
  projectId: string,
  month: Month,
  isOnAgenda: boolean | null,
  actor: string,
  database: MonitorDatabase = defaultDb,
): Promise<void> {
  await database.transaction('rw', [database.meetingAgendaFlags, database.changes], async () => {
    const rows = await database.meetingAgendaFlags.where('projectId').equals(projectId).toArray()
    const old = effectiveAgendaFlag(rows, month)
    if (old === isOnAgenda) return
    // A flag equal to what the month inherits from earlier meetings is not stored: the row goes.
    const inherited = effectiveAgendaFlag(rows.filter((row) => row.month < month), month)
    if (isOnAgenda === inherited) await database.meetingAgendaFlags.delete([projectId, month])
    else await database.meetingAgendaFlags.put({ projectId, month, isOnAgenda })
    // A removal holds for this meeting only (effectiveAgendaFlag); the log says so.
    const summary = isOnAgenda === false ? `${month}月会议移出议程` : `${month}月起${isOnAgenda === null ? '会议关注恢复自动' : '加入会议议程'}`
    await database.changes.add(newChange({ actor, kind: 'agenda', projectId, month, oldValue: old, newValue: isOnAgenda, summary }))
  })
}

/** Records (or with null clears) the 会议决定 for a project in the meeting of `month`, logged. */
export async function setDecision(
  projectId: string,
  month: Month,
  decision: { decision: MeetingDecision; remark: string } | null,
  actor: string,
  database: MonitorDatabase = defaultDb,
): Promise<void> {
  await database.transaction('rw', [database.decisions, database.changes], async () => {
    const old = (await database.decisions.get([projectId, month])) ?? null
    const oldValue = old === null ? null : { decision: old.decision, remark: old.remark }
    if (JSON.stringify(oldValue) === JSON.stringify(decision)) return
    if (decision === null) await database.decisions.delete([projectId, month])
    else await database.decisions.put({ projectId, month, decision: decision.decision, remark: decision.remark, decidedAt: new Date().toISOString() })
    const summary = decision === null ? `${month}月会议决定：撤销` : `${month}月会议决定：${DECISION_LABELS[decision.decision]}`
    await database.changes.add(newChange({ actor, kind: 'decision', projectId, month, oldValue, newValue: decision, summary }))
  })
}

/** Adds an open action item, logged; returns its id. */
export async function addActionItem(item: NewActionItem, actor: string, database: MonitorDatabase = defaultDb): Promise<number> {
  const row: ActionItemRecord = { ...item, status: 'open', closedMonth: null }
  return database.transaction('rw', [database.actionItems, database.changes], async () => {
    const id = (await database.actionItems.add(row)) as number
    await database.changes.add(
      newChange({
        actor,
        kind: 'action',
        projectId: item.projectId,
        month: item.month,
        oldValue: null,
        newValue: { ...row, id },
        summary: `新增整改措施：${item.text}`,
      }),
    )
    return id
  })
}

/** Edits an action item's 整改措施, 责任人 or 期限, logged. */
export async function updateActionItem(
  id: number,
  patch: Partial<Pick<ActionItemRecord, 'text' | 'owner' | 'dueDate'>>,
  actor: string,
  database: MonitorDatabase = defaultDb,
): Promise<void> {
  await database.transaction('rw', [database.actionItems, database.changes], async () => {
    const old = await database.actionItems.get(id)
    if (!old) throw new Error(`整改措施不存在：${id}`)
    const updated = { ...old, ...patch }
    if (JSON.stringify(updated) === JSON.stringify(old)) return
    await database.actionItems.put(updated)
    await database.changes.add(
      newChange({
        actor,
        kind: 'action',
        projectId: old.projectId,
        month: old.month,
        oldValue: old,
        newValue: updated,
        summary: `修改整改措施：${updated.text}`,
      }),
    )
  })
}

/** Closes an action item in the meeting of `month` (or reopens it), logged. */
export async function setActionStatus(
  id: number,
  status: ActionItemRecord['status'],
  month: Month,
  actor: string,
  database: MonitorDatabase = defaultDb,
): Promise<void> {
  await database.transaction('rw', [database.actionItems, database.changes], async () => {
    const old = await database.actionItems.get(id)
    if (!old) throw new Error(`整改措施不存在：${id}`)
    if (old.status === status) return
    const updated: ActionItemRecord = { ...old, status, closedMonth: status === 'closed' ? month : null }
    await database.actionItems.put(updated)
    const summary = `${status === 'closed' ? '完成' : '重新打开'}整改措施：${old.text}`
    await database.changes.add(newChange({ actor, kind: 'action', projectId: old.projectId, month, oldValue: old, newValue: updated, summary }))
  })
}

/** Deletes an action item recorded by mistake, logged with its old value. */
export async function deleteActionItem(id: number, actor: string, database: MonitorDatabase = defaultDb): Promise<void> {
  await database.transaction('rw', [database.actionItems, database.changes], async () => {
    const old = await database.actionItems.get(id)
    if (!old) return
    await database.actionItems.delete(id)
    await database.changes.add(
      newChange({
        actor,
        kind: 'action',
        projectId: old.projectId,
        month: old.month,
        oldValue: old,
        newValue: null,
        summary: `删除整改措施：${old.text}`,
      }),
    )
  })
}
