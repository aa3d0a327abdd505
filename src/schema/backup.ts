/**
 * Reading a backup file: the edge where untrusted input enters. Every row is checked against
 * its record schema (./records), then against the rules the app's own entry enforces and the
 * references between tables, before anything is written; a file that fails says, in Chinese,
 * which table, row and field, and nothing happens. Loaded only when a file is restored.
 */
import * as v from 'valibot'
import { validateEntry, type EntryTarget } from '@/domain/entryValidation'
import { formatIndicatorInput, formatMoneyInput } from '@/domain/numberInput'
import { truncateForDisplay } from '@/domain/text'
import { projectId, type Month } from '@/domain/types'
import {
  BACKUP_FORMAT,
  BACKUP_TABLE_LABELS,
  BACKUP_TABLE_NAMES,
  BACKUP_VERSION,
  LEGACY_AGENDA_TABLE,
  OPTIONAL_BACKUP_TABLES,
  summarizeBackup,
  type BackupFile,
  type BackupTableName,
  type BackupTables,
  type BackupValidation,
} from './backupFile'
import {
  ActionItemRecordSchema,
  AgendaFlagRecordSchema,
  ChangeRecordSchema,
  DecisionRecordSchema,
  DepartmentRecordSchema,
  ImportRecordSchema,
  IndicatorNoteRecordSchema,
  IndicatorRecordSchema,
  IndicatorValueRecordSchema,
  MeetingMinutesRecordSchema,
  MonthLockRecordSchema,
  NoteRecordSchema,
  ProjectRecordSchema,
  SettingRecordSchema,
  SpendingRecordSchema,
  type IndicatorRecord,
} from './records'

const SCHEMAS: { readonly [K in BackupTableName]: v.GenericSchema<unknown, BackupTables[K][number]> } = {
  departments: DepartmentRecordSchema,
  projects: ProjectRecordSchema,
  indicators: IndicatorRecordSchema,
  spending: SpendingRecordSchema,
  indicatorValues: IndicatorValueRecordSchema,
  notes: NoteRecordSchema,
  changes: ChangeRecordSchema,
  settings: SettingRecordSchema,
  imports: ImportRecordSchema,
  monthLocks: MonthLockRecordSchema,
  meetingAgendaFlags: AgendaFlagRecordSchema,
  decisions: DecisionRecordSchema,
  actionItems: ActionItemRecordSchema,
  indicatorNotes: IndicatorNoteRecordSchema,
  meetingRecords: MeetingMinutesRecordSchema,
}

/** Primary key of each table, to catch duplicates before the database does. */
const KEYS: { readonly [K in BackupTableName]: (row: BackupTables[K][number]) => string | number | undefined } = {
  departments: (r) => r.code,
  projects: (r) => r.id,
  indicators: (r) => r.id,
  spending: (r) => `${r.projectId}|${r.month}`,
  indicatorValues: (r) => `${r.indicatorId}|${r.month}`,
  notes: (r) => `${r.projectId}|${r.month}`,
  changes: (r) => r.id,
  settings: (r) => r.key,
  imports: (r) => r.id,
  monthLocks: (r) => `${r.year}|${r.departmentCode}|${r.month}`,
  meetingAgendaFlags: (r) => `${r.projectId}|${r.month}`,
  decisions: (r) => `${r.projectId}|${r.month}`,
  actionItems: (r) => r.id,
  indicatorNotes: (r) => `${r.indicatorId}|${r.month}`,
  meetingRecords: (r) => `${r.year}|${r.departmentCode}|${r.month}`,
}

/** Thrown inside validation only; turned into { ok: false } at the edge. `isRow`: a row is wrong, not the file. */
class BackupInvalid extends Error {
  constructor(
    message: string,
    readonly isRow = false,
  ) {
    super(message)
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function shown(value: unknown): string {
  if (value === undefined) return '缺失'
  const text = JSON.stringify(value) ?? String(value)
  return truncateForDisplay(text, 40)
}

const tableLabel = (name: BackupTableName) => `「${BACKUP_TABLE_LABELS[name]}」表（${name}）`
const rowLabel = (name: BackupTableName, index: number) => `${tableLabel(name)}第 ${index + 1} 条`

/** One row checked against its schema; unknown fields (added by a later version) are kept as they are. */
function readRow<K extends BackupTableName>(name: K, item: unknown, index: number): BackupTables[K][number] {
  const where = rowLabel(name, index)
  if (!isRecord(item)) throw new BackupInvalid(`${where}不是一条记录（应为 JSON 对象），实际为 ${shown(item)}`, true)
  const result = v.safeParse(SCHEMAS[name], item)
  if (!result.success) {
    const [issue] = result.issues
    const path = v.getDotPath(issue) ?? ''
    // A space between Chinese and Latin or digits, as in the rest of the UI.
    const gap = /^[\x21-\x7e]/.test(issue.message) ? ' ' : ''
    // A rule over several fields reports on one of them: show that field's value, not the row.
    const last = issue.path?.at(-1)
    const actual = last === undefined ? issue.input : last.value
    throw new BackupInvalid(`${where}的 ${path} 应为${gap}${issue.message}，实际为 ${shown(actual)}`, true)
  }
  // The known fields are checked and win; a restore never drops data it does not know.
  return { ...item, ...result.output }
}

/** Version 1 files wrote flags of an older layout without a month: they held from 1月, as the upgraded database reads them. */
function fromLegacyAgendaFlag(item: unknown): unknown {
  return isRecord(item) && item.month === undefined ? { ...item, month: 1 } : item
}

function readTable<K extends BackupTableName>(name: K, value: unknown, isLegacy: boolean): BackupTables[K] {
  if (value === undefined && OPTIONAL_BACKUP_TABLES.has(name)) return [] as BackupTables[K]
  if (value === undefined) throw new BackupInvalid(`缺少${tableLabel(name)}`)
  if (!Array.isArray(value)) throw new BackupInvalid(`${tableLabel(name)}应为列表，实际为 ${shown(value)}`)
  const keyOf = KEYS[name]
  const seen = new Set<string | number>()
  return value.map((item: unknown, index) => {
    const row = readRow(name, isLegacy ? fromLegacyAgendaFlag(item) : item, index)
    const key = keyOf(row)
    if (key !== undefined) {
      if (seen.has(key)) throw new BackupInvalid(`${rowLabel(name, index)}与前面的记录重复（${key}）`, true)
      seen.add(key)
    }
    return row
  }) as BackupTables[K]
}

/** The first error the app's own entry would give for this text, or null when it would store it. */
function entryError(text: string, target: EntryTarget, year: number, month: Month): string | null {
  // The clock only makes warnings (a future month); the year's end never does.
  const result = validateEntry(text, target, { year, month, today: { year, month: 12 } })
  return result.ok ? null : result.issue.message
}

/**
 * An indicator value as the entry grid would take it. A value typed under either 口径 counts
 * (the user may switch 累计/时点 after entering), so only what neither accepts is refused.
 */
function indicatorValueError(indicator: IndicatorRecord, value: number, year: number, month: Month): string | null {
  const text = formatIndicatorInput(value)
  const asCount = entryError(text, { kind: 'count', unit: indicator.unit }, year, month)
  const asLevel = entryError(text, { kind: 'level', unit: indicator.unit }, year, month)
  return asCount !== null && asLevel !== null ? asLevel : null
}

/** References agree (every row finds its project, department, indicator) and values pass the entry rules. */
function checkRows(tables: BackupTables): void {
  const departments = new Set(tables.departments.map((row) => row.code))
  const projects = new Map(tables.projects.map((row) => [row.id, row]))
  const indicators = new Map(tables.indicators.map((row) => [row.id, row]))
  const fail = (table: BackupTableName, index: number, message: string): never => {
    throw new BackupInvalid(`${rowLabel(table, index)}${message}`, true)
  }
  const missing = (what: string, field: string, key: string) => `的 ${field}「${key}」：该${what}不在备份中`
  tables.projects.forEach((row, i) => {
    if (!departments.has(row.departmentCode)) fail('projects', i, missing('单位', 'departmentCode', row.departmentCode))
    const id = projectId(row.year, row.departmentCode, row.code)
    if (row.id !== id) fail('projects', i, `的 id「${row.id}」与年度、单位编码和项目编码不符（应为「${id}」）`)
  })
  const byProject = ['indicators', 'spending', 'indicatorValues', 'notes', 'meetingAgendaFlags', 'decisions', 'actionItems', 'indicatorNotes'] as const
  for (const table of byProject) {
    tables[table].forEach((row: { projectId: string }, i: number) => {
      if (!projects.has(row.projectId)) fail(table, i, missing('项目', 'projectId', row.projectId))
    })
  }
  tables.spending.forEach((row, i) => {
    const year = projects.get(row.projectId)?.year ?? 0
    const error = entryError(formatMoneyInput(row.amount, 'yuan'), { kind: 'spending', unit: 'yuan' }, year, row.month)
    if (error !== null) fail('spending', i, `的 amount（${row.amount} 分）：${error}`)
  })
  tables.meetingRecords.forEach((row, i) => {
    if (!departments.has(row.departmentCode)) fail('meetingRecords', i, missing('单位', 'departmentCode', row.departmentCode))
  })
  tables.indicatorNotes.forEach((row, i) => {
    const indicator = indicators.get(row.indicatorId)
    if (!indicator) return fail('indicatorNotes', i, missing('指标', 'indicatorId', row.indicatorId))
    if (indicator.projectId !== row.projectId) {
      fail('indicatorNotes', i, `的 projectId「${row.projectId}」与其指标所属的项目「${indicator.projectId}」不一致`)
    }
  })
  tables.indicatorValues.forEach((row, i) => {
    const indicator = indicators.get(row.indicatorId)
    if (!indicator) return fail('indicatorValues', i, missing('指标', 'indicatorId', row.indicatorId))
    if (indicator.projectId !== row.projectId) {
      fail('indicatorValues', i, `的 projectId「${row.projectId}」与其指标所属的项目「${indicator.projectId}」不一致`)
    }
    const year = projects.get(row.projectId)?.year ?? 0
    const error = row.value === null ? null : indicatorValueError(indicator, row.value, year, row.month)
    if (error !== null) fail('indicatorValues', i, `的 value：${error}`)
  })
}

function readBackup(input: unknown): BackupFile {
  if (!isRecord(input)) throw new BackupInvalid('文件内容不是备份（应为 JSON 对象）')
  if (input.format !== BACKUP_FORMAT) {
    throw new BackupInvalid(`这不是本程序的备份文件（format 应为 ${BACKUP_FORMAT}，实际为 ${shown(input.format)}）`)
  }
  const version = input.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new BackupInvalid(`备份文件的版本号无效：${shown(version)}`)
  }
  if (version > BACKUP_VERSION) {
    throw new BackupInvalid(`备份文件版本为 ${version}，比本程序支持的版本 ${BACKUP_VERSION} 新：请先更新程序再恢复`)
  }
  const exportedAt = input.exportedAt
  if (typeof exportedAt !== 'string' || Number.isNaN(Date.parse(exportedAt))) {
    throw new BackupInvalid(`备份时间 exportedAt 无效：${shown(exportedAt)}`)
  }
  const source = input.tables
  if (!isRecord(source)) throw new BackupInvalid('备份文件缺少数据表（tables）')
  const isLegacyAgenda = source.meetingAgendaFlags === undefined && source[LEGACY_AGENDA_TABLE] !== undefined
  if (source.meetingAgendaFlags !== undefined && source[LEGACY_AGENDA_TABLE] !== undefined) {
    throw new BackupInvalid(`备份中「会议关注」表出现两次（meetingAgendaFlags 和 ${LEGACY_AGENDA_TABLE}）：请改用本程序导出、未经改动的备份文件`)
  }
  const tables = {} as Record<BackupTableName, unknown>
  for (const name of BACKUP_TABLE_NAMES) {
    const isLegacy = name === 'meetingAgendaFlags' && isLegacyAgenda
    tables[name] = readTable(name, isLegacy ? source[LEGACY_AGENDA_TABLE] : source[name], isLegacy)
  }
  const known = new Set<string>([...BACKUP_TABLE_NAMES, LEGACY_AGENDA_TABLE])
  const extraTables: Record<string, Record<string, unknown>[]> = {}
  for (const [name, value] of Object.entries(source)) {
    if (known.has(name)) continue
    if (!Array.isArray(value) || !value.every(isRecord)) throw new BackupInvalid(`数据表 ${name} 应为记录列表`)
    extraTables[name] = value
  }
  checkRows(tables as BackupTables)
  return { format: BACKUP_FORMAT, version, exportedAt, tables: tables as BackupTables, extraTables }
}

/** Checks an untrusted value (a parsed backup file) row by row; ok with the typed backup, or a Chinese error. */
export function validateBackup(input: unknown): BackupValidation {
  try {
    const backup = readBackup(input)
    return { ok: true, backup, summary: summarizeBackup(backup) }
  } catch (error) {
    if (!(error instanceof BackupInvalid)) throw error
    const detail = error.message.replace(/[。.]$/, '')
    const hint = error.isRow ? '请改正该条记录，或改用本程序导出、未经改动的备份文件。' : ''
    return { ok: false, error: `备份文件无效：${detail}。${hint}未写入任何数据。` }
  }
}

/** Parses a backup file's text (JSON) and validates it; never throws. */
export function parseBackupText(text: string): BackupValidation {
  let input: unknown
  try {
    input = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return { ok: false, error: '备份文件无效：不是 JSON 文件，或文件不完整（可能下载中断）。未写入任何数据。' }
  }
  return validateBackup(input)
}
