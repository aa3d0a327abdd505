import { liveQuery, type Observable } from 'dexie'
import {
  DECISION_LABELS,
  effectiveAgendaFlag,
  type ActionItem,
  type AgendaFlag,
  type Decision,
  type MeetingDecision,
} from '@/domain/agenda'
import { statusOfProgress, type ActionProgress } from '@/domain/actionProgress'
import type { IndicatorNote } from '@/domain/indicatorNotes'
import type { MeetingRecord } from '@/domain/meetingRecord'
import type { Month } from '@/domain/types'
import { newChange } from './changeLogRepository'
import { db as defaultDb, type MonitorDatabase } from './database'
import { assertDepartmentYearWritable, assertProjectIdWritable } from './pulledSubmissionRepository'
import type { ActionItemRecord, DecisionRecord, IndicatorNoteRecord, MeetingMinutesRecord } from './records'
import { scopeKeyPrefix, type Scope } from './monitorRepository'

/** Everything a meeting stores for the projects of a scope (all months). */
export interface MeetingData {
  /** 会议关注 flags of every meeting month (resolve with effectiveAgendaFlags). */
  readonly flags: readonly AgendaFlag[]
  readonly decisions: readonly Decision[]
  readonly actions: readonly ActionItem[]
  /** 会议纪要 of the scope's meetings (any month) */
  readonly records: readonly MeetingRecord[]
  /** Per-indicator monitoring notes of the scope's projects (any month) */
  readonly indicatorNotes: readonly IndicatorNote[]
}

export const EMPTY_MEETING: MeetingData = { flags: [], decisions: [], actions: [], records: [], indicatorNotes: [] }

/** The 整改 result a user records: 整改进度 with, once 已完成, 完成说明, 实际完成日期 and 证明材料. */
export interface ActionResult {
  readonly progress: ActionProgress
  readonly completionNote: string
  /** 实际完成日期, YYYY-MM-DD or '' */
  readonly completedOn: string
  readonly evidence: string
}

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
    ...(row.progress === undefined ? {} : { progress: row.progress }),
    completionNote: row.completionNote ?? '',
    completedOn: row.completedOn ?? '',
    evidence: row.evidence ?? '',
  }
}

function toMeetingRecord(row: MeetingMinutesRecord): MeetingRecord {
  const { year, departmentCode, month, date, place, host, attendees, notes } = row
  return { year, departmentCode, month, date, place, host, attendees, notes }
}

function toIndicatorNote(row: IndicatorNoteRecord): IndicatorNote {
  const { indicatorId, projectId, month, reasons, likelihood, explanation, remark, forecast } = row
  return { indicatorId, projectId, month, reasons, likelihood, explanation, remark, forecast }
}

function toDecision(row: DecisionRecord): Decision {
  return { projectId: row.projectId, month: row.month, decision: row.decision, remark: row.remark }
}

/** The action items (整改措施) of the scope's projects, all months (the caller's transaction, if any, must include actionItems). */
export async function loadActionItems(scope: Scope, database: MonitorDatabase = defaultDb): Promise<ActionItem[]> {
  const rows = await database.actionItems.where('projectId').startsWith(scopeKeyPrefix(scope)).toArray()
  return rows.map(toActionItem)
}

/** Agenda flags, decisions and action items of the scope's projects. */
export async function loadMeetingData(scope: Scope, database: MonitorDatabase = defaultDb): Promise<MeetingData> {
  return database.transaction(
    'r',
    [database.meetingAgendaFlags, database.decisions, database.actionItems, database.meetingRecords, database.indicatorNotes],
    async () => {
      const prefix = scopeKeyPrefix(scope)
      const records = database.meetingRecords.where('[year+departmentCode+month]')
      const [flags, decisions, actions, minutes, indicatorNotes] = await Promise.all([
        database.meetingAgendaFlags.where('projectId').startsWith(prefix).toArray(),
        database.decisions.where('projectId').startsWith(prefix).toArray(),
        database.actionItems.where('projectId').startsWith(prefix).toArray(),
        scope.departmentCode === null
          ? records.between([scope.year, '', 0], [scope.year, '\uffff', 13]).toArray()
          : records.between([scope.year, scope.departmentCode, 0], [scope.year, scope.departmentCode, 13]).toArray(),
        database.indicatorNotes.where('projectId').startsWith(prefix).toArray(),
      ])
      return {
        flags: flags.map((row) => ({ projectId: row.projectId, month: row.month, isOnAgenda: row.isOnAgenda })),
        decisions: decisions.map(toDecision),
        actions: actions.map(toActionItem),
        records: minutes.map(toMeetingRecord),
        indicatorNotes: indicatorNotes.map(toIndicatorNote),
      }
    },
  )
}

/** Live version of loadMeetingData: re-emits when a flag, decision, action, record or note changes (any tab). */
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
  await database.transaction('rw', [database.projects, database.meetingAgendaFlags, database.changes], async () => {
    await assertProjectIdWritable(projectId, database)
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
  await database.transaction('rw', [database.projects, database.decisions, database.changes], async () => {
    await assertProjectIdWritable(projectId, database)
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
  return database.transaction('rw', [database.projects, database.actionItems, database.changes], async () => {
    await assertProjectIdWritable(item.projectId, database)
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
  await database.transaction('rw', [database.projects, database.actionItems, database.changes], async () => {
    const old = await database.actionItems.get(id)
    if (!old) throw new Error(`整改措施不存在：${id}`)
    await assertProjectIdWritable(old.projectId, database)
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
  await database.transaction('rw', [database.projects, database.actionItems, database.changes], async () => {
    const old = await database.actionItems.get(id)
    if (!old) throw new Error(`整改措施不存在：${id}`)
    await assertProjectIdWritable(old.projectId, database)
    if (old.status === status) return
    const updated: ActionItemRecord = { ...old, status, closedMonth: status === 'closed' ? month : null }
    await database.actionItems.put(updated)
    const summary = `${status === 'closed' ? '完成' : '重新打开'}整改措施：${old.text}`
    await database.changes.add(newChange({ actor, kind: 'action', projectId: old.projectId, month, oldValue: old, newValue: updated, summary }))
  })
}

/** Deletes an action item recorded by mistake, logged with its old value. */
export async function deleteActionItem(id: number, actor: string, database: MonitorDatabase = defaultDb): Promise<void> {
  await database.transaction('rw', [database.projects, database.actionItems, database.changes], async () => {
    const old = await database.actionItems.get(id)
    if (!old) return
    await assertProjectIdWritable(old.projectId, database)
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

/** Records (or updates) the 整改 result of an action item in the meeting of `month`, logged; 已完成 closes it there. */
export async function setActionResult(
  id: number,
  result: ActionResult,
  month: Month,
  actor: string,
  database: MonitorDatabase = defaultDb,
): Promise<void> {
  await database.transaction('rw', [database.projects, database.actionItems, database.changes], async () => {
    const old = await database.actionItems.get(id)
    if (!old) throw new Error(`整改措施不存在：${id}`)
    await assertProjectIdWritable(old.projectId, database)
    const status = statusOfProgress(result.progress)
    // A result edited later keeps the meeting that closed the item.
    const closedMonth = status === 'closed' ? (old.status === 'closed' ? old.closedMonth : month) : null
    const isDone = result.progress === 'done'
    const updated: ActionItemRecord = {
      ...old,
      status,
      closedMonth,
      progress: result.progress,
      completionNote: result.completionNote.trim(),
      completedOn: isDone ? result.completedOn : '',
      evidence: result.evidence.trim(),
    }
    if (JSON.stringify(updated) === JSON.stringify(old)) return
    await database.actionItems.put(updated)
    const summary = `整改措施「${old.text}」：${{ notStarted: '未开始', inProgress: '进行中', done: '已完成' }[result.progress]}`
    await database.changes.add(newChange({ actor, kind: 'action', projectId: old.projectId, month, oldValue: old, newValue: updated, summary }))
  })
}

/** Saves the 会议纪要 of a department's meeting for one as-of month, logged with old → new. */
export async function saveMeetingRecord(record: MeetingRecord, actor: string, database: MonitorDatabase = defaultDb): Promise<void> {
  await database.transaction('rw', [database.projects, database.meetingRecords, database.changes], async () => {
    await assertDepartmentYearWritable(record.year, record.departmentCode, database)
    const key: [number, string, Month] = [record.year, record.departmentCode, record.month]
    const stored = await database.meetingRecords.get(key)
    const old = stored ? toMeetingRecord(stored) : null
    const row: MeetingMinutesRecord = {
      year: record.year,
      departmentCode: record.departmentCode,
      month: record.month,
      date: record.date,
      place: record.place.trim(),
      host: record.host.trim(),
      attendees: record.attendees.trim(),
      notes: record.notes.trim(),
    }
    if (JSON.stringify(old) === JSON.stringify(row)) return
    await database.meetingRecords.put(row)
    const summary = `${record.year}年${record.month}月会议纪要`
    await database.changes.add(newChange({ actor, kind: 'meetingRecord', projectId: null, month: record.month, oldValue: old, newValue: row, summary }))
  })
}
