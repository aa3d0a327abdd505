import { INDICATOR_KIND_LABELS, type NumericKind } from '@/domain/indicatorKind'
import { logChange, newChange } from './changeLogRepository'
import { db as defaultDb, type MonitorDatabase } from './database'
import { refreshProjectSummaries, summaryTables } from './summaryRepository'

/**
 * Sets an indicator's 口径 (累计 or 时点; null = back to the document's kind), logged, in one
 * transaction. Not a monthly value, so 已报送 months do not lock it. Refuses qualitative ones.
 */
export async function setIndicatorKind(
  indicatorId: string,
  kind: NumericKind | null,
  actor: string,
  database: MonitorDatabase = defaultDb,
): Promise<void> {
  await database.transaction('rw', [...summaryTables(database), database.changes], async () => {
    const row = await database.indicators.get(indicatorId)
    if (!row) throw new Error(`指标不存在：${indicatorId}`)
    if (row.kind === 'qualitative' || row.targetValue === null) {
      throw new Error(`「${row.name}」是定性指标，没有累计或时点口径可选。`)
    }
    const before = row.kindOverride ?? row.kind
    const after = kind ?? row.kind
    const isSame = (row.kindOverride ?? null) === kind
    if (isSame) return
    await database.indicators.update(indicatorId, { kindOverride: kind })
    const note = kind === null ? '（恢复文档口径）' : ''
    await logChange(
      database,
      newChange({
        actor,
        kind: 'indicator',
        projectId: row.projectId,
        indicatorId,
        // No month: a 口径 is not monthly data (the history cannot restore it as a cell).
        month: null,
        oldValue: before,
        newValue: after,
        summary: `「${row.name}」指标口径：${INDICATOR_KIND_LABELS[before]} → ${INDICATOR_KIND_LABELS[after]}${note}`,
      }),
    )
    await refreshProjectSummaries(database, [row.projectId])
  })
}
