import type { SpendingEntryMode } from '@/domain/cumulativeSpending'
import type { TargetDisplay } from '@/domain/monitoringForm'
import { readSignOff, type SignOff } from '@/domain/signOff'
import { DEFAULT_THRESHOLDS, type Thresholds } from '@/domain/types'
import { db as defaultDb, type MonitorDatabase } from './database'
import { isObject, readThresholds } from './settingsValues'
import { sharedLiveQuery, type LiveList } from './sharedSource'

/** Where the demo data lives, so it can be told apart and cleared. */
export interface DemoMarker {
  readonly year: number
  readonly departmentCode: string
}

export interface AppSettings {
  /** Name written into the change log. */
  readonly actor: string
  readonly thresholds: Thresholds
  /** Set while the demo department is loaded. */
  readonly demo: DemoMarker | null
  /** Set once the user cleared the demo, so it is not loaded again on the next start. */
  readonly demoDismissed: boolean
  /** How the 录入 page takes spending: each month's amount, or 1–m月累计 (a preference, not logged). */
  readonly spendingEntry: SpendingEntryMode
  /**
   * Which 年度指标值 the outputs (print, slides, the meeting page, the monitoring form) show for an
   * adjusted target: the adjusted one with the original noted (default), or the original with
   * the adjusted one noted.
   */
  readonly targetDisplay: TargetDisplay
}

export const DEFAULT_SETTINGS: AppSettings = {
  actor: '',
  thresholds: DEFAULT_THRESHOLDS,
  demo: null,
  demoDismissed: false,
  spendingEntry: 'monthly',
  targetDisplay: 'adjusted',
}

/** Reads all settings, filling defaults for keys never saved. */
export async function getSettings(database: MonitorDatabase = defaultDb): Promise<AppSettings> {
  const rows = await database.settings.toArray()
  const saved = Object.fromEntries(rows.map((row) => [row.key, row.value]))
  return {
    actor: typeof saved.actor === 'string' ? saved.actor : DEFAULT_SETTINGS.actor,
    thresholds: readThresholds(saved.thresholds),
    demo: isDemoMarker(saved.demo) ? saved.demo : null,
    demoDismissed: saved.demoDismissed === true,
    spendingEntry: saved.spendingEntry === 'cumulative' ? 'cumulative' : 'monthly',
    targetDisplay: saved.targetDisplay === 'original' ? 'original' : 'adjusted',
  }
}

/** Saves the given settings keys. */
export async function saveSettings(patch: Partial<AppSettings>, database: MonitorDatabase = defaultDb): Promise<void> {
  await database.settings.bulkPut(Object.entries(patch).map(([key, value]) => ({ key, value })))
}

/** Live settings, re-emitted whenever any setting changes (in any tab). */
export function observeSettings(database: MonitorDatabase = defaultDb): LiveList<AppSettings> {
  // Shared and kept live by the app shell: a page gets the settings as it subscribes, and a read
  // that needs them (the overview's figures, under the thresholds in force) starts at once.
  return sharedLiveQuery(`settings\u0000${database.name}`, () => getSettings(database))
}

/** The settings key of a department's sign-off block (one row per department, backed up with the settings). */
export function signOffKey(departmentCode: string): string {
  return `signOff:${departmentCode}`
}

/** The 监控表 sign-off block saved for a department (填报人, 联系电话, 单位负责人, 财务负责人, 填报日期), or null. */
export async function getSignOff(departmentCode: string, database: MonitorDatabase = defaultDb): Promise<SignOff | null> {
  const row = await database.settings.get(signOffKey(departmentCode))
  return row === undefined ? null : readSignOff(row.value)
}

/** Saves a department's sign-off block (not logged: it is a preference of the export, as the actor is). */
export async function saveSignOff(departmentCode: string, signOff: SignOff, database: MonitorDatabase = defaultDb): Promise<void> {
  const { preparer, phone, unitHead, financeHead, date } = signOff
  await database.settings.put({ key: signOffKey(departmentCode), value: { preparer, phone, unitHead, financeHead, date } })
}

function isDemoMarker(value: unknown): value is DemoMarker {
  return isObject(value) && typeof value.year === 'number' && typeof value.departmentCode === 'string'
}
