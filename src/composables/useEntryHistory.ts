import { computed, type Ref } from 'vue'
import { STATUS_INPUT_LABELS } from '@/domain/entryValidation'
import { formatIndicatorInput, formatMoneyInput } from '@/domain/numberInput'
import { restoreChange, type IndicatorEntry } from '@/db/actualsRepository'
import { observeProjectChanges } from '@/db/changeLogRepository'
import type { ChangeRecord, NoteRecord } from '@/db/records'
import { useLiveQuery, type Subscribable } from './useLiveQuery'

/** One line of a project's history panel. */
export interface HistoryRow {
  readonly id: number
  /** Local time, e.g. 08-05 14:03. */
  readonly when: string
  readonly at: string
  readonly actor: string
  readonly summary: string
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
  if (value === null || value === undefined) return '未填报'
  if (kind === 'spending' && typeof value === 'number') return `${formatMoneyInput(value, 'wan')} 万元`
  if (kind === 'indicator') {
    const entry = value as IndicatorEntry
    if (entry.manualStatus) return STATUS_INPUT_LABELS[entry.manualStatus]
    return entry.value === null ? '未填报' : formatIndicatorInput(entry.value)
  }
  if (kind === 'note') {
    const note = value as NoteRecord
    const text = note.explanation.trim() || note.actions.trim()
    return text === '' ? '（空说明）' : text.length > 24 ? `${text.slice(0, 24)}…` : text
  }
  return JSON.stringify(value)
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** Maps a change-log row to a history line (time in local time). */
export function toHistoryRow(change: ChangeRecord): HistoryRow {
  const at = new Date(change.at)
  return {
    id: change.id ?? 0,
    when: `${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`,
    at: change.at,
    actor: change.actor || '未署名',
    summary: change.summary,
    oldText: describeLoggedValue(change.kind, change.oldValue),
    newText: describeLoggedValue(change.kind, change.newValue),
    canRestore: change.kind === 'spending' || change.kind === 'indicator' || change.kind === 'note',
  }
}

/** Live change history of one project (null: none) and restoring a value from it. */
export function useEntryHistory(projectId: Ref<string | null>, actor: () => string) {
  const changes = useLiveQuery(() => (projectId.value === null ? NONE : observeProjectChanges(projectId.value, 300)), [])
  const rows = computed(() => changes.data.value.map(toHistoryRow))
  return {
    rows,
    restore: (id: number, side: 'old' | 'new') => restoreChange(id, side, actor()),
  }
}
