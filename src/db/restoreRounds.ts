/**
 * What a restore does with 已报送 months (pure; the restore and its review both use it).
 *
 * The rule (default, `keep`): a restore never unlocks a month, and never replaces what was
 * reported. Per department month (year, 单位, 月):
 * - if this browser has a lock or any report of the month (standing or reopened), its lock and
 *   every report of the month stay as they are; the backup's lock and reports of that month are
 *   not taken. The pages go on showing the month as reported; where the restored data differ,
 *   they are marked 报送后有变动.
 * - otherwise the backup's lock and reports of the month are restored with the rest of the backup.
 * With `backup` (chosen explicitly in the review) locks and reports are the backup's, as every
 * other table: months reported here and not in the backup are unlocked.
 */
import type { Month } from '@/domain/types'
import type { IndicatorRecord, IndicatorValueRecord, MonthLockRecord, NoteRecord, ProjectRecord, ReportedRoundRecord, SpendingRecord } from './records'

export type RestoreRoundsMode = 'keep' | 'backup'

/** The lock-related tables of one side of a restore (this browser, or the backup). */
export interface ReportedState {
  readonly monthLocks: readonly MonthLockRecord[]
  readonly reportedRounds: readonly ReportedRoundRecord[]
}

/** The data that a month's figures come from, to tell whether a restore changes them. */
export interface MonthData {
  readonly projects: readonly ProjectRecord[]
  readonly indicators: readonly IndicatorRecord[]
  readonly spending: readonly SpendingRecord[]
  readonly indicatorValues: readonly IndicatorValueRecord[]
  readonly notes: readonly NoteRecord[]
}

type Key = string
const keyOf = (r: { year: number; departmentCode: string; month: number }): Key => `${r.year}|${r.departmentCode}|${r.month}`

function monthsOf(state: ReportedState): Set<Key> {
  return new Set([...state.monthLocks.map(keyOf), ...state.reportedRounds.map(keyOf)])
}

/** The locks and reports a restore writes (see the rule above); backup reports taken get new ids. */
export function planRestoreRounds(current: ReportedState, backup: ReportedState, mode: RestoreRoundsMode = 'keep'): ReportedState {
  if (mode === 'backup') return backup
  const kept = monthsOf(current)
  const taken = (r: { year: number; departmentCode: string; month: number }) => !kept.has(keyOf(r))
  return {
    monthLocks: [...current.monthLocks, ...backup.monthLocks.filter(taken)],
    // Ids of the backup's reports could collide with this browser's: they are given new ones.
    reportedRounds: [
      ...current.reportedRounds,
      ...backup.reportedRounds.filter(taken).map((round) => {
        const copy: { -readonly [K in keyof ReportedRoundRecord]: ReportedRoundRecord[K] } = { ...round }
        delete copy.id
        return copy
      }),
    ],
  }
}

/** One 已报送 month a restore touches, as the review lists it. */
export interface RestoreRoundItem {
  readonly year: number
  readonly departmentCode: string
  readonly month: Month
  /** What happens to the month by default (keep), in Chinese */
  readonly outcome: string
  /** What happens if the user takes the backup's 报送状态 instead, in Chinese */
  readonly ifBackup: string
  /** True when the backup would unlock the month were its locks taken */
  readonly wouldUnlock: boolean
}

function rowsOfMonth(data: MonthData, year: number, departmentCode: string, month: number): string {
  const ids = new Set(data.projects.filter((p) => p.year === year && p.departmentCode === departmentCode).map((p) => p.id))
  const of = <T extends { projectId: string; month: number }>(rows: readonly T[]) =>
    rows
      .filter((r) => ids.has(r.projectId) && r.month <= month)
      .map((r) => JSON.stringify(r))
      .sort()
  const definitions = [...data.projects.filter((p) => ids.has(p.id)), ...data.indicators.filter((i) => ids.has(i.projectId))]
    .map((row) => JSON.stringify(row))
    .sort()
  // Notes are of one round: only the month's own.
  const notes = of(data.notes.filter((n) => n.month === month))
  return JSON.stringify([definitions, of(data.spending), of(data.indicatorValues), notes])
}

/**
 * The 已报送 months of this browser or of the backup that a restore touches, with what it does
 * to each: kept locked, locked from the backup, or left reopened; and whether the backup's data
 * of a month kept as reported differ (then its pages show 报送后有变动).
 */
export function reviewRestoreRounds(
  current: ReportedState & MonthData,
  backup: ReportedState & MonthData,
): RestoreRoundItem[] {
  const isLocked = (state: ReportedState, key: Key) => state.monthLocks.some((l) => keyOf(l) === key)
  const latest = (state: ReportedState, key: Key) =>
    state.reportedRounds.filter((r) => keyOf(r) === key).sort((a, b) => b.revision - a.revision)[0] ?? null
  const keys = [...new Set([...monthsOf(current), ...monthsOf(backup)])].sort()
  const items: RestoreRoundItem[] = []
  for (const key of keys) {
    const [year, departmentCode, month] = key.split('|') as [string, string, string]
    const y = Number(year)
    const m = Number(month) as Month
    const here = isLocked(current, key)
    const there = isLocked(backup, key)
    const hereRound = latest(current, key)
    const thereRound = latest(backup, key)
    const isSameReport = hereRound !== null && thereRound !== null && hereRound.reportedAt === thereRound.reportedAt
    if (here) {
      const isDataChanged = rowsOfMonth(current, y, departmentCode, m) !== rowsOfMonth(backup, y, departmentCode, m)
      if (there && isSameReport && !isDataChanged) continue
      const change = isDataChanged ? '；备份中本月及以前的数据与当前不同，恢复后页面仍显示报送时的数据，并标出“报送后有变动”' : ''
      items.push({
        year: y,
        departmentCode,
        month: m,
        outcome: `保持已报送（不解锁），保留报送时的数据${change}`,
        ifBackup: there ? '改用备份中的报送记录' : '解除锁定（备份中本月未报送），报送时的数据不再显示',
        wouldUnlock: !there,
      })
    } else if (there) {
      const isReopenedHere = monthsOf(current).has(key)
      items.push({
        year: y,
        departmentCode,
        month: m,
        outcome: isReopenedHere ? '保持当前的“已重新打开”，不采用备份中的报送' : '按备份标记为已报送，采用备份中的报送数据',
        ifBackup: '按备份标记为已报送，采用备份中的报送数据',
        wouldUnlock: false,
      })
    }
  }
  return items
}
