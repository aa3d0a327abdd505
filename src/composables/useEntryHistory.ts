import { computed, type Ref } from 'vue'
import { adjustmentKindLabel } from '@/domain/budgetAdjustment'
import { STATUS_INPUT_LABELS } from '@/domain/entryValidation'
import { formatWan } from '@/domain/money'
import { INDICATOR_FIELD_LABELS, PROJECT_FIELD_LABELS } from '@/domain/handEdits'
import { INDICATOR_KIND_LABELS, isNumericKind } from '@/domain/indicatorKind'
import { formatIndicatorInput, formatMoneyInput } from '@/domain/numberInput'
import { truncateForDisplay } from '@/domain/text'
import { DEVIATION_REASON_LABELS, LIKELIHOOD_LABELS, type Month } from '@/domain/types'
import { restoreChange, type IndicatorEntry } from '@/db/actualsRepository'
import { observeProjectChanges } from '@/db/changeLogRepository'
import type { BudgetAdjustmentRecord, ChangeRecord, NoteRecord, TargetAdjustmentRecord } from '@/db/records'
import { useLiveQuery, type Subscribable } from './useLiveQuery'

/** One line of a project's history panel. */
export interface HistoryRow {
  readonly id: number
  /** Local time, e.g. 08-05 14:03. */
  readonly when: string
  readonly at: string
  readonly actor: string
  readonly summary: string
  /** The month the change is about (null: none, e.g. a 口径 change). */
  readonly month: Month | null
  readonly oldText: string
  readonly newText: string
  readonly canRestore: boolean
}

const NONE: Subscribable<ChangeRecord[]> = {
  subscribe(observer) {
    observer.next([])
    return { unsubscribe() {} }
  },
}

/** A logged value as text: spending in 万元, an indicator's number or status, a note's gist. */
export function describeLoggedValue(kind: ChangeRecord['kind'], value: unknown): string {
  // A lock row holds the lock record: present = 已报送, absent = open (before) or reopened (after).
  if (kind === 'lock') return value === null || value === undefined ? '未报送' : '已报送（锁定）'
  if ((kind === 'budget' || kind === 'target') && (value === null || value === undefined)) return '无'
  if (kind === 'project' || kind === 'indicatorDefinition') return value === null || value === undefined ? '（无）' : describeDefinition(kind, value)
  if (value === null || value === undefined) return '未填报'
  if (kind === 'spending' && typeof value === 'number') return `${formatMoneyInput(value, 'wan')} 万元`
  // A 口径 change (setIndicatorKind) logs the kind itself, not a month's entry.
  if (kind === 'indicator' && isNumericKind(value)) return INDICATOR_KIND_LABELS[value]
  if (kind === 'indicator') {
    const entry = value as IndicatorEntry
    if (entry.manualStatus) return STATUS_INPUT_LABELS[entry.manualStatus]
    return entry.value === null ? '未填报' : formatIndicatorInput(entry.value)
  }
  if (kind === 'note') return describeNoteChange(null, value as NoteRecord).newText
  if (kind === 'budget') {
    const row = value as BudgetAdjustmentRecord
    return `${row.date} ${adjustmentKindLabel({ ...row })} ${formatWan(Math.abs(row.fiscal + row.other))} 万元`
  }
  if (kind === 'target') {
    const row = value as TargetAdjustmentRecord
    return `${row.targetRaw}（${row.month}月起）`
  }
  return JSON.stringify(value)
}

/** A 项目管理 edit's logged fields as text, e.g. 项目编码：A-1；项目名称：… (删除/恢复 as 已删除/在用). */
function describeDefinition(kind: 'project' | 'indicatorDefinition', value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value)
  const fields = value as Record<string, unknown>
  if ('archivedAt' in fields && Object.keys(fields).length === 1) return fields.archivedAt ? '已删除（归档）' : '在用'
  // A created project or indicator logs its whole row: its name says enough.
  if ('id' in fields || 'targetValue' in fields) return `「${String(fields.name ?? '')}」`
  const labels: Readonly<Record<string, string>> = { ...(kind === 'project' ? PROJECT_FIELD_LABELS : INDICATOR_FIELD_LABELS), kindOverride: '口径' }
  return Object.entries(fields)
    .map(([field, text]) => `${labels[field] ?? field}：${isNumericKind(text) ? INDICATOR_KIND_LABELS[text] : text === null || text === '' ? '（空）' : String(text)}`)
    .join('；')
}

const shorten = (text: string) => (text.trim() === '' ? '（空）' : truncateForDisplay(text.trim(), 24))

/** The parts of a note as the history names them; a missing note is an empty one. */
function noteParts(note: NoteRecord | null): readonly (readonly [string, string])[] {
  const reasons = note?.reasons ?? []
  return [
    ['偏差原因', reasons.length === 0 ? '无' : reasons.map((r) => DEVIATION_REASON_LABELS[r]).join('、')],
    ['完成目标可能性', note?.likelihood ? LIKELIHOOD_LABELS[note.likelihood] : '未确认'],
    ['原因说明', shorten(note?.explanation ?? '')],
    ['整改措施', shorten(note?.actions ?? '')],
  ]
}

/**
 * A note's change as two texts naming only what changed (偏差原因, 完成目标可能性, 原因说明,
 * 整改措施), e.g. 偏差原因：无 → 偏差原因：制度保障.
 */
export function describeNoteChange(before: NoteRecord | null, after: NoteRecord | null): { oldText: string; newText: string } {
  const old = noteParts(before)
  const now = noteParts(after)
  const changed = now.flatMap(([, text], i) => (old[i]?.[1] === text ? [] : [i]))
  if (changed.length === 0) return { oldText: '（无变化）', newText: '（无变化）' }
  const join = (parts: readonly (readonly [string, string])[]) => changed.map((i) => `${parts[i]?.[0]}：${parts[i]?.[1]}`).join('；')
  return { oldText: join(old), newText: join(now) }
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** Maps a change-log row to a history line (time in local time); no restore into a locked month. */
export function toHistoryRow(change: ChangeRecord, lockedMonths: ReadonlySet<Month> = new Set()): HistoryRow {
  const at = new Date(change.at)
  return {
    id: change.id ?? 0,
    when: `${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`,
    at: change.at,
    actor: change.actor || '未署名',
    summary: change.summary,
    month: change.month,
    ...(change.kind === 'lock' && change.newValue === null
      ? { oldText: '已报送（锁定）', newText: '已重新打开' }
      : change.kind === 'note'
      ? describeNoteChange(change.oldValue as NoteRecord | null, change.newValue as NoteRecord | null)
      : { oldText: describeLoggedValue(change.kind, change.oldValue), newText: describeLoggedValue(change.kind, change.newValue) }),
    // Only a month's cell can be restored (a 口径 change has no month), and not while it is 已报送.
    canRestore:
      change.month !== null &&
      !lockedMonths.has(change.month) &&
      (change.kind === 'spending' || change.kind === 'indicator' || change.kind === 'note'),
  }
}

/** Live change history of one project (null: none) and restoring a value from it. */
export function useEntryHistory(projectId: Ref<string | null>, actor: () => string, lockedMonths: Ref<ReadonlySet<Month>>) {
  const changes = useLiveQuery(() => (projectId.value === null ? NONE : observeProjectChanges(projectId.value, 300)), [])
  const rows = computed(() => changes.data.value.map((change) => toHistoryRow(change, lockedMonths.value)))
  return {
    rows,
    restore: (id: number, side: 'old' | 'new') => restoreChange(id, side, actor()),
  }
}
