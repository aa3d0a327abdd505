import { isNumericKind } from '../domain/indicatorKind'
import { truncateForDisplay } from '../domain/text'
import {
  DEVIATION_REASONS,
  MONTHS,
  type Checkpoint,
  type DeviationReason,
  type Fen,
  type IndicatorKind,
  type Likelihood,
  type Month,
  type Operator,
  type Status,
} from '../domain/types'

/**
 * The backup file: every table of the browser's database as JSON. Reading one is the edge
 * where untrusted input enters, so every row is checked field by field (unknown → typed)
 * before anything is written; a file that fails says where, in Chinese, and nothing happens.
 * The row shapes mirror src/db/records.ts (importers do not import the db layer); the
 * backup composable assigns one to the other, so the type checker keeps them in step.
 */

export const BACKUP_FORMAT = 'budget-performance-monitor-backup'
export const BACKUP_VERSION = 1

export interface DepartmentRow { code: string; name: string }
export interface ProjectRow {
  id: string; year: number; departmentCode: string; code: string; name: string
  budgetTotal: Fen; budgetFiscal: Fen | null; budgetOther: Fen | null
  purpose: string; plan: Record<Checkpoint, number | null>; goals: string[]; order: number
}
export interface IndicatorRow {
  id: string; projectId: string; order: number; level1: string; level2: string; name: string
  description: string; targetRaw: string; operator: Operator | null; targetValue: number | null
  unit: string | null; kind: IndicatorKind; kindOverride?: Exclude<IndicatorKind, 'qualitative'> | null
  basis: string | null
}
export interface SpendingRow { projectId: string; month: Month; amount: Fen }
export interface IndicatorValueRow {
  indicatorId: string; projectId: string; month: Month; value: number | null
  manualStatus: Exclude<Status, 'unreported'> | null
}
export interface NoteRow {
  projectId: string; month: Month; reasons: DeviationReason[]; explanation: string
  likelihood: Likelihood | null; actions: string
}
export type ChangeKindName =
  | 'import' | 'spending' | 'indicator' | 'note' | 'demo' | 'settings' | 'lock' | 'agenda' | 'decision' | 'action'
export interface ChangeRow {
  id?: number; at: string; actor: string; kind: ChangeKindName; projectId: string | null
  indicatorId: string | null; month: Month | null; oldValue: unknown; newValue: unknown; summary: string
}
export interface SettingRow { key: string; value: unknown }
export interface ImportRow {
  id?: number; at: string; year: number; departmentCode: string; fileName: string
  projectCount: number; indicatorCount: number; warningCount: number
}
export interface MonthLockRow { year: number; departmentCode: string; month: Month; lockedAt: string; lockedBy: string }
export interface AgendaFlagRow { projectId: string; month: Month; isOnAgenda: boolean | null }
export type DecisionName = 'continue' | 'adjustBudget' | 'adjustTarget' | 'suspend'
export interface DecisionRow { projectId: string; month: Month; decision: DecisionName; remark: string; decidedAt: string }
export interface ActionItemRow {
  id?: number; projectId: string; month: Month; text: string; owner: string; dueDate: string
  status: 'open' | 'closed'; closedMonth: Month | null
}

/** The tables every backup must hold, by their database names. */
export interface BackupTables {
  departments: DepartmentRow[]
  projects: ProjectRow[]
  indicators: IndicatorRow[]
  spending: SpendingRow[]
  indicatorValues: IndicatorValueRow[]
  notes: NoteRow[]
  changes: ChangeRow[]
  settings: SettingRow[]
  imports: ImportRow[]
  monthLocks: MonthLockRow[]
  agendaFlags: AgendaFlagRow[]
  decisions: DecisionRow[]
  actionItems: ActionItemRow[]
}

export type BackupTableName = keyof BackupTables

/** Chinese names of the tables, for messages. */
export const BACKUP_TABLE_LABELS: Readonly<Record<BackupTableName, string>> = {
  departments: '单位',
  projects: '项目',
  indicators: '指标',
  spending: '月度支出',
  indicatorValues: '指标月度值',
  notes: '监控说明',
  changes: '修改记录',
  settings: '设置',
  imports: '导入记录',
  monthLocks: '已报送月份',
  agendaFlags: '会议关注',
  decisions: '会议决定',
  actionItems: '整改措施',
}

export const BACKUP_TABLE_NAMES = Object.keys(BACKUP_TABLE_LABELS) as BackupTableName[]

export interface BackupFile {
  readonly format: typeof BACKUP_FORMAT
  readonly version: number
  /** ISO timestamp. */
  readonly exportedAt: string
  readonly tables: BackupTables
  /**
   * Tables added to the database after this format was written (schema versions to come):
   * plain objects, restored as they are when the database has such a table.
   */
  readonly extraTables: Readonly<Record<string, Record<string, unknown>[]>>
}

export interface BackupDepartmentSummary {
  readonly code: string
  readonly name: string
  readonly years: readonly number[]
  readonly projectCount: number
}

/** What a backup holds, shown before it replaces the current data. */
export interface BackupSummary {
  readonly exportedAt: string
  readonly departments: readonly BackupDepartmentSummary[]
  readonly years: readonly number[]
  readonly projectCount: number
  readonly indicatorCount: number
  /** 月度支出 + 指标月度值 entries. */
  readonly entryCount: number
  readonly noteCount: number
  readonly importCount: number
}

export type BackupValidation =
  | { readonly ok: true; readonly backup: BackupFile; readonly summary: BackupSummary }
  | { readonly ok: false; readonly error: string }

// ── Field readers ────────────────────────────────────────────────────────────────────

/** Thrown inside validation only; turned into { ok: false } at the edge. */
class BackupInvalid extends Error {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function shown(value: unknown): string {
  if (value === undefined) return '缺失'
  const text = JSON.stringify(value) ?? String(value)
  return truncateForDisplay(text, 40)
}

function isMonth(value: unknown): value is Month {
  return typeof value === 'number' && (MONTHS as readonly number[]).includes(value)
}

function oneOf<T extends string>(options: readonly T[]) {
  return (value: unknown): value is T => typeof value === 'string' && (options as readonly string[]).includes(value)
}

const isOperator = oneOf<Operator>(['>=', '<=', '=', '>', '<'])
const isKind = oneOf<IndicatorKind>(['cumulative', 'level', 'qualitative'])
const isManualStatus = oneOf<Exclude<Status, 'unreported'>>(['green', 'yellow', 'red'])
const isReason = oneOf<DeviationReason>(DEVIATION_REASONS)
const isLikelihood = oneOf<Likelihood>(['certain', 'possible', 'impossible'])
const isChangeKind = oneOf<ChangeKindName>([
  'import', 'spending', 'indicator', 'note', 'demo', 'settings', 'lock', 'agenda', 'decision', 'action',
])
const isDecision = oneOf<DecisionName>(['continue', 'adjustBudget', 'adjustTarget', 'suspend'])
const isItemStatus = oneOf<'open' | 'closed'>(['open', 'closed'])

/** Typed getters over one row; each throws BackupInvalid naming table, row and field. */
function fieldsOf(value: unknown, where: string) {
  if (!isRecord(value)) throw new BackupInvalid(`${where}不是一条记录（应为 JSON 对象），实际为 ${shown(value)}`)
  const row = value
  const check = <T>(key: string, test: (v: unknown) => v is T, expected: string): T => {
    const field = row[key]
    // A space between Chinese and Latin or digits, as in the rest of the UI.
    const gap = /^[\x21-\x7e]/.test(expected) ? ' ' : ''
    if (!test(field)) throw new BackupInvalid(`${where}的 ${key} 应为${gap}${expected}，实际为 ${shown(field)}`)
    return field
  }
  const isString = (v: unknown): v is string => typeof v === 'string'
  const isInteger = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v)
  const isFen = (v: unknown): v is Fen => isInteger(v) && v >= 0
  const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
  const orNull = <T>(test: (v: unknown) => v is T) => (v: unknown): v is T | null => v === null || test(v)
  return {
    string: (key: string) => check(key, isString, '文字'),
    nullableString: (key: string) => check(key, orNull(isString), '文字或空'),
    integer: (key: string) => check(key, isInteger, '整数'),
    year: (key: string) => check(key, (v): v is number => isInteger(v) && v >= 1900 && v <= 2200, '年度（如 2020）'),
    fen: (key: string) => check(key, isFen, '非负整数金额（分）'),
    nullableFen: (key: string) => check(key, orNull(isFen), '非负整数金额（分）或空'),
    signedFen: (key: string) => check(key, isInteger, '整数金额（分）'),
    nullableNumber: (key: string) => check(key, orNull(isFiniteNumber), '数字或空'),
    month: (key: string) => check(key, isMonth, '1–12 的月份'),
    nullableMonth: (key: string) => check(key, orNull(isMonth), '1–12 的月份或空'),
    boolean: (key: string) => check(key, (v): v is boolean => typeof v === 'boolean', 'true 或 false'),
    optionalId: (key: string): { id?: number } => {
      if (row[key] === undefined) return {}
      return { id: check(key, (v): v is number => isInteger(v) && v > 0, '正整数编号') }
    },
    is: check,
    orNull,
    strings: (key: string): string[] => [...check(key, (v): v is string[] => Array.isArray(v) && v.every(isString), '文字列表')],
    raw: (key: string): unknown => row[key],
  }
}

type Fields = ReturnType<typeof fieldsOf>

function readPlan(f: Fields): Record<Checkpoint, number | null> {
  const plan = f.is('plan', isRecord, '资金支出计划（3/6/10/12 月底）')
  const point = (key: Checkpoint): number | null => {
    const value = plan[String(key)]
    if (value === null || (typeof value === 'number' && Number.isFinite(value))) return value
    throw new BackupInvalid(`资金支出计划 ${key}月底 应为数字或空，实际为 ${shown(value)}`)
  }
  return { 3: point(3), 6: point(6), 10: point(10), 12: point(12) }
}

const READERS: { readonly [K in BackupTableName]: (f: Fields) => BackupTables[K][number] } = {
  departments: (f) => ({ code: f.string('code'), name: f.string('name') }),
  projects: (f) => ({
    id: f.string('id'),
    year: f.year('year'),
    departmentCode: f.string('departmentCode'),
    code: f.string('code'),
    name: f.string('name'),
    budgetTotal: f.fen('budgetTotal'),
    budgetFiscal: f.nullableFen('budgetFiscal'),
    budgetOther: f.nullableFen('budgetOther'),
    purpose: f.string('purpose'),
    plan: readPlan(f),
    goals: f.strings('goals'),
    order: f.integer('order'),
  }),
  indicators: (f) => ({
    id: f.string('id'),
    projectId: f.string('projectId'),
    order: f.integer('order'),
    level1: f.string('level1'),
    level2: f.string('level2'),
    name: f.string('name'),
    description: f.string('description'),
    targetRaw: f.string('targetRaw'),
    operator: f.is('operator', f.orNull(isOperator), '比较符（>=、<=、=、>、<）或空'),
    targetValue: f.nullableNumber('targetValue'),
    unit: f.nullableString('unit'),
    kind: f.is('kind', isKind, 'cumulative / level / qualitative 之一'),
    // 口径 set by a user; absent in backups of older versions, so only checked when present.
    ...(f.raw('kindOverride') === undefined
      ? {}
      : { kindOverride: f.is('kindOverride', f.orNull(isNumericKind), 'cumulative / level 之一或空') }),
    basis: f.nullableString('basis'),
  }),
  // Monthly spending may be negative: a refund (退回) in a later month.
  spending: (f) => ({ projectId: f.string('projectId'), month: f.month('month'), amount: f.signedFen('amount') }),
  indicatorValues: (f) => ({
    indicatorId: f.string('indicatorId'),
    projectId: f.string('projectId'),
    month: f.month('month'),
    value: f.nullableNumber('value'),
    manualStatus: f.is('manualStatus', f.orNull(isManualStatus), 'green / yellow / red 或空'),
  }),
  notes: (f) => ({
    projectId: f.string('projectId'),
    month: f.month('month'),
    reasons: [...f.is('reasons', (v): v is DeviationReason[] => Array.isArray(v) && v.every(isReason), '偏差原因列表')],
    explanation: f.string('explanation'),
    likelihood: f.is('likelihood', f.orNull(isLikelihood), 'certain / possible / impossible 或空'),
    actions: f.string('actions'),
  }),
  changes: (f) => ({
    ...f.optionalId('id'),
    at: f.string('at'),
    actor: f.string('actor'),
    kind: f.is('kind', isChangeKind, '修改类型'),
    projectId: f.nullableString('projectId'),
    indicatorId: f.nullableString('indicatorId'),
    month: f.nullableMonth('month'),
    oldValue: f.raw('oldValue') ?? null,
    newValue: f.raw('newValue') ?? null,
    summary: f.string('summary'),
  }),
  settings: (f) => ({ key: f.string('key'), value: f.raw('value') ?? null }),
  imports: (f) => ({
    ...f.optionalId('id'),
    at: f.string('at'),
    year: f.year('year'),
    departmentCode: f.string('departmentCode'),
    fileName: f.string('fileName'),
    projectCount: f.integer('projectCount'),
    indicatorCount: f.integer('indicatorCount'),
    warningCount: f.integer('warningCount'),
  }),
  monthLocks: (f) => ({
    year: f.year('year'),
    departmentCode: f.string('departmentCode'),
    month: f.month('month'),
    lockedAt: f.string('lockedAt'),
    lockedBy: f.string('lockedBy'),
  }),
  // null: back to automatic from that meeting on.
  agendaFlags: (f) => ({
    projectId: f.string('projectId'),
    month: f.month('month'),
    isOnAgenda: f.is('isOnAgenda', f.orNull((v): v is boolean => typeof v === 'boolean'), 'true、false 或空'),
  }),
  decisions: (f) => ({
    projectId: f.string('projectId'),
    month: f.month('month'),
    decision: f.is('decision', isDecision, '会议决定（continue / adjustBudget / adjustTarget / suspend）'),
    remark: f.string('remark'),
    decidedAt: f.string('decidedAt'),
  }),
  actionItems: (f) => ({
    ...f.optionalId('id'),
    projectId: f.string('projectId'),
    month: f.month('month'),
    text: f.string('text'),
    owner: f.string('owner'),
    dueDate: f.string('dueDate'),
    status: f.is('status', isItemStatus, 'open / closed'),
    closedMonth: f.nullableMonth('closedMonth'),
  }),
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
  agendaFlags: (r) => `${r.projectId}|${r.month}`,
  decisions: (r) => `${r.projectId}|${r.month}`,
  actionItems: (r) => r.id,
}

function readTable<K extends BackupTableName>(name: K, value: unknown): BackupTables[K] {
  const label = `「${BACKUP_TABLE_LABELS[name]}」表（${name}）`
  if (value === undefined) throw new BackupInvalid(`缺少${label}`)
  if (!Array.isArray(value)) throw new BackupInvalid(`${label}应为列表，实际为 ${shown(value)}`)
  const read = READERS[name]
  const keyOf = KEYS[name]
  const seen = new Set<string | number>()
  const rows: BackupTables[K][number][] = []
  value.forEach((item: unknown, index) => {
    const where = `${label}第 ${index + 1} 条`
    let row: BackupTables[K][number]
    try {
      // Fields this version does not know (added by a later one) are kept as they are:
      // a restore must never drop data; the known fields are checked and win.
      row = { ...(isRecord(item) ? item : {}), ...read(fieldsOf(item, where)) }
    } catch (error) {
      if (error instanceof BackupInvalid && !error.message.startsWith(where)) throw new BackupInvalid(`${where}：${error.message}`)
      throw error
    }
    const key = keyOf(row)
    if (key !== undefined) {
      if (seen.has(key)) throw new BackupInvalid(`${where}与前面的记录重复（${key}）`)
      seen.add(key)
    }
    rows.push(row)
  })
  return rows as BackupTables[K]
}

function readExtraTable(name: string, value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value) || !value.every(isRecord)) {
    throw new BackupInvalid(`数据表 ${name} 应为记录列表`)
  }
  return value
}

/** Every row that refers to a project, indicator or department finds it in the backup. */
function checkReferences(tables: BackupTables): void {
  const departments = new Set(tables.departments.map((row) => row.code))
  const projects = new Set(tables.projects.map((row) => row.id))
  const indicators = new Set(tables.indicators.map((row) => row.id))
  const missing = (table: BackupTableName, index: number, what: string, key: string): BackupInvalid =>
    new BackupInvalid(`「${BACKUP_TABLE_LABELS[table]}」表第 ${index + 1} 条引用的${what}「${key}」不在备份中`)
  tables.projects.forEach((row, i) => {
    if (!departments.has(row.departmentCode)) throw missing('projects', i, '单位', row.departmentCode)
  })
  const byProject = ['indicators', 'spending', 'indicatorValues', 'notes', 'agendaFlags', 'decisions', 'actionItems'] as const
  for (const table of byProject) {
    tables[table].forEach((row: { projectId: string }, i: number) => {
      if (!projects.has(row.projectId)) throw missing(table, i, '项目', row.projectId)
    })
  }
  tables.indicatorValues.forEach((row, i) => {
    if (!indicators.has(row.indicatorId)) throw missing('indicatorValues', i, '指标', row.indicatorId)
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
  const tables: BackupTables = {
    departments: readTable('departments', source.departments),
    projects: readTable('projects', source.projects),
    indicators: readTable('indicators', source.indicators),
    spending: readTable('spending', source.spending),
    indicatorValues: readTable('indicatorValues', source.indicatorValues),
    notes: readTable('notes', source.notes),
    changes: readTable('changes', source.changes),
    settings: readTable('settings', source.settings),
    imports: readTable('imports', source.imports),
    monthLocks: readTable('monthLocks', source.monthLocks),
    agendaFlags: readTable('agendaFlags', source.agendaFlags),
    decisions: readTable('decisions', source.decisions),
    actionItems: readTable('actionItems', source.actionItems),
  }
  const known = new Set<string>(BACKUP_TABLE_NAMES)
  const extraTables: Record<string, Record<string, unknown>[]> = {}
  for (const [name, value] of Object.entries(source)) {
    if (!known.has(name)) extraTables[name] = readExtraTable(name, value)
  }
  checkReferences(tables)
  return { format: BACKUP_FORMAT, version, exportedAt, tables, extraTables }
}

/** Departments, years and counts of a valid backup (linear in its rows). */
export function summarizeBackup(backup: BackupFile): BackupSummary {
  const { tables } = backup
  const names = new Map(tables.departments.map((row) => [row.code, row.name]))
  const byDepartment = new Map<string, { years: Set<number>; projectCount: number }>()
  const years = new Set<number>()
  for (const project of tables.projects) {
    years.add(project.year)
    const entry = byDepartment.get(project.departmentCode) ?? { years: new Set<number>(), projectCount: 0 }
    entry.years.add(project.year)
    entry.projectCount++
    byDepartment.set(project.departmentCode, entry)
  }
  const newestFirst = (set: Iterable<number>) => [...set].sort((a, b) => b - a)
  return {
    exportedAt: backup.exportedAt,
    departments: [...byDepartment.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, entry]) => ({ code, name: names.get(code) ?? '', years: newestFirst(entry.years), projectCount: entry.projectCount })),
    years: newestFirst(years),
    projectCount: tables.projects.length,
    indicatorCount: tables.indicators.length,
    entryCount: tables.spending.length + tables.indicatorValues.length,
    noteCount: tables.notes.length,
    importCount: tables.imports.length,
  }
}

/** Checks an untrusted value (a parsed backup file) field by field; ok with the typed backup, or a Chinese error. */
export function validateBackup(input: unknown): BackupValidation {
  try {
    const backup = readBackup(input)
    return { ok: true, backup, summary: summarizeBackup(backup) }
  } catch (error) {
    if (error instanceof BackupInvalid) return { ok: false, error: `备份文件无效：${error.message}。未写入任何数据。` }
    throw error
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

/** The backup file's content for the given tables and moment (exportedAt as ISO). */
export function createBackupFile(
  tables: BackupTables,
  extraTables: Readonly<Record<string, Record<string, unknown>[]>>,
  at: Date,
): { format: typeof BACKUP_FORMAT; version: number; exportedAt: string; tables: Record<string, unknown[]> } {
  // Extra tables first so a known table of the same name can never be shadowed.
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: at.toISOString(), tables: { ...extraTables, ...tables } }
}

/** File name `预算绩效监控备份-YYYYMMDD-HHmm.json`, in local time. */
export function backupFileName(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  const date = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`
  return `预算绩效监控备份-${date}-${pad(at.getHours())}${pad(at.getMinutes())}.json`
}
