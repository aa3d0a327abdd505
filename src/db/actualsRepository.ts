import type { Fen, MonitoringNote, Month, Status } from '@/domain/types'
import { db as defaultDb, type MonitorDatabase } from './database'
import type { ChangeRecord, IndicatorValueRecord, NoteRecord } from './records'

type ManualStatus = Exclude<Status, 'unreported'>

/**
 * Sets (amount in 分) or clears (null → 未填报) one project's spending for one month,
 * logging old → new in the same transaction.
 */
export async function setSpending(
  projectId: string,
  month: Month,
  amount: Fen | null,
  actor: string,
  database: MonitorDatabase = defaultDb,
): Promise<void> {
  if (amount !== null && !Number.isSafeInteger(amount)) throw new RangeError('金额必须是整数分')
  await database.transaction('rw', [database.spending, database.changes], async () => {
    const old = await database.spending.get([projectId, month])
    const oldAmount = old?.amount ?? null
    if (oldAmount === amount) return
    if (amount === null) await database.spending.delete([projectId, month])
    else await database.spending.put({ projectId, month, amount })
    await database.changes.add(change(actor, 'spending', projectId, null, month, oldAmount, amount, `${month}月支出`))
  })
}

/** Sets or clears one indicator's value (or hand-set status) for one month, logged. */
export async function setIndicatorValue(
  indicatorId: string,
  month: Month,
  entry: { value: number | null; manualStatus: ManualStatus | null },
  actor: string,
  database: MonitorDatabase = defaultDb,
): Promise<void> {
  await database.transaction('rw', [database.indicators, database.indicatorValues, database.changes], async () => {
    const indicator = await database.indicators.get(indicatorId)
    if (!indicator) throw new Error(`指标不存在：${indicatorId}`)
    const old = await database.indicatorValues.get([indicatorId, month])
    const oldEntry = old ? { value: old.value, manualStatus: old.manualStatus } : null
    const isEmpty = entry.value === null && entry.manualStatus === null
    const newEntry = isEmpty ? null : { value: entry.value, manualStatus: entry.manualStatus }
    if (JSON.stringify(oldEntry) === JSON.stringify(newEntry)) return
    if (isEmpty) await database.indicatorValues.delete([indicatorId, month])
    else {
      const row: IndicatorValueRecord = { indicatorId, projectId: indicator.projectId, month, ...entry }
      await database.indicatorValues.put(row)
    }
    await database.changes.add(
      change(actor, 'indicator', indicator.projectId, indicatorId, month, oldEntry, newEntry, `${month}月「${indicator.name}」`),
    )
  })
}

/** Saves a project's monitoring note for one as-of month, logged. */
export async function saveNote(note: MonitoringNote, actor: string, database: MonitorDatabase = defaultDb): Promise<void> {
  const row: NoteRecord = {
    projectId: note.projectId,
    month: note.month,
    reasons: [...note.reasons],
    explanation: note.explanation,
    likelihood: note.likelihood,
    actions: note.actions,
  }
  await database.transaction('rw', [database.notes, database.changes], async () => {
    const old = (await database.notes.get([note.projectId, note.month])) ?? null
    await database.notes.put(row)
    await database.changes.add(change(actor, 'note', note.projectId, null, note.month, old, row, `${note.month}月监控说明`))
  })
}

function change(
  actor: string,
  kind: ChangeRecord['kind'],
  projectId: string,
  indicatorId: string | null,
  month: Month,
  oldValue: unknown,
  newValue: unknown,
  summary: string,
): ChangeRecord {
  return { at: new Date().toISOString(), actor, kind, projectId, indicatorId, month, oldValue, newValue, summary }
}
