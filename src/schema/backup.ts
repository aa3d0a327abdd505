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
import { createJsonStreamReader, JsonStreamError, type JsonPath, type JsonStreamHandlers } from './jsonStream'
import {
  BACKUP_FORMAT,
  BACKUP_TABLE_LABELS,
  BACKUP_TABLE_NAMES,
  BACKUP_VERSION,
  LEGACY_AGENDA_TABLE,
  summarizeBackup,
  TABLE_SINCE_VERSION,
  type BackupFile,
  type BackupTableName,
  type BackupTables,
  type BackupValidation,
} from './backupFile'
import {
  ActionItemRecordSchema,
  AgendaFlagRecordSchema,
  BudgetAdjustmentRecordSchema,
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
  ReportedRoundRecordSchema,
  SettingRecordSchema,
  SpendingRecordSchema,
  TargetAdjustmentRecordSchema,
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
  budgetAdjustments: BudgetAdjustmentRecordSchema,
  targetAdjustments: TargetAdjustmentRecordSchema,
  reportedRounds: ReportedRoundRecordSchema,
  indicatorNotes: IndicatorNoteRecordSchema,
  meetingRecords: MeetingMinutesRecordSchema,
}

/** A row's primary key: a value, or (id, month) for the monthly tables, kept as a bit per month. */
type RowKey = string | number | readonly [string, number] | undefined

/** Primary key of each table, to catch duplicates before the database does. */
const KEYS: { readonly [K in BackupTableName]: (row: BackupTables[K][number]) => RowKey } = {
  departments: (r) => r.code,
  projects: (r) => r.id,
  indicators: (r) => r.id,
  spending: (r) => [r.projectId, r.month],
  indicatorValues: (r) => [r.indicatorId, r.month],
  notes: (r) => [r.projectId, r.month],
  changes: (r) => r.id,
  settings: (r) => r.key,
  imports: (r) => r.id,
  monthLocks: (r) => `${r.year}|${r.departmentCode}|${r.month}`,
  meetingAgendaFlags: (r) => [r.projectId, r.month],
  decisions: (r) => [r.projectId, r.month],
  actionItems: (r) => r.id,
  budgetAdjustments: (r) => r.id,
  targetAdjustments: (r) => r.id,
  reportedRounds: (r) => r.id,
  indicatorNotes: (r) => [r.indicatorId, r.month],
  meetingRecords: (r) => `${r.year}|${r.departmentCode}|${r.month}`,
}

/**
 * Remembers the keys seen in one table; `add` returns the key's text when it was seen before.
 * Monthly keys are a bitmask per id: a million monthly rows cost a map of their projects.
 */
function createKeyTracker(): { add(key: RowKey): string | null } {
  const seen = new Set<string | number>()
  const months = new Map<string, number>()
  return {
    add(key) {
      if (key === undefined) return null
      if (typeof key === 'object') {
        const [id, month] = key
        const bits = months.get(id) ?? 0
        const bit = 2 ** month
        if (Math.floor(bits / bit) % 2 === 1) return `${id}|${month}`
        months.set(id, bits + bit)
        return null
      }
      if (seen.has(key)) return String(key)
      seen.add(key)
      return null
    },
  }
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

/** Rows checked between two pauses of a chunked read (a few milliseconds of work). */
const ROWS_PER_PAUSE = 5000

/**
 * References agree (every row finds its project, department, indicator) and values pass the entry
 * rules. A generator: it yields every ROWS_PER_PAUSE rows, so a reader can let the page breathe.
 */
function* checkRows(tables: BackupTables): Generator<void, void, void> {
  const departments = new Set(tables.departments.map((row) => row.code))
  const projects = new Map(tables.projects.map((row) => [row.id, row]))
  const indicators = new Map(tables.indicators.map((row) => [row.id, row]))
  const fail = (table: BackupTableName, index: number, message: string): never => {
    throw new BackupInvalid(`${rowLabel(table, index)}${message}`, true)
  }
  const missing = (what: string, field: string, key: string) => `的 ${field}「${key}」：该${what}不在备份中`
  tables.projects.forEach((row, i) => {
    if (!departments.has(row.departmentCode)) fail('projects', i, missing('单位', 'departmentCode', row.departmentCode))
    // Ids are stable (a code may be edited after import), but always start with year/department/:
    // a scope's rows are read as one key range of that prefix.
    const prefix = projectId(row.year, row.departmentCode, '')
    if (!row.id.startsWith(prefix) || row.id === prefix) fail('projects', i, `的 id「${row.id}」与年度和单位编码不符（应以「${prefix}」开头）`)
  })
  const byProject = [
    'indicators',
    'spending',
    'indicatorValues',
    'notes',
    'meetingAgendaFlags',
    'decisions',
    'actionItems',
    'budgetAdjustments',
    'targetAdjustments',
    'indicatorNotes',
  ] as const
  for (const table of byProject) {
    const rows: readonly { projectId: string }[] = tables[table]
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as { projectId: string }
      if (!projects.has(row.projectId)) fail(table, i, missing('项目', 'projectId', row.projectId))
      if (i % ROWS_PER_PAUSE === ROWS_PER_PAUSE - 1) yield
    }
  }
  for (let i = 0; i < tables.spending.length; i++) {
    const row = tables.spending[i] as BackupTables['spending'][number]
    const year = projects.get(row.projectId)?.year ?? 0
    const error = entryError(formatMoneyInput(row.amount, 'yuan'), { kind: 'spending', unit: 'yuan' }, year, row.month)
    if (error !== null) fail('spending', i, `的 amount（${row.amount} 分）：${error}`)
    if (i % ROWS_PER_PAUSE === ROWS_PER_PAUSE - 1) yield
  }
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
  for (let i = 0; i < tables.indicatorValues.length; i++) {
    const row = tables.indicatorValues[i] as BackupTables['indicatorValues'][number]
    const indicator = indicators.get(row.indicatorId)
    if (!indicator) return fail('indicatorValues', i, missing('指标', 'indicatorId', row.indicatorId))
    if (indicator.projectId !== row.projectId) {
      fail('indicatorValues', i, `的 projectId「${row.projectId}」与其指标所属的项目「${indicator.projectId}」不一致`)
    }
    const year = projects.get(row.projectId)?.year ?? 0
    const error = row.value === null ? null : indicatorValueError(indicator, row.value, year, row.month)
    if (error !== null) fail('indicatorValues', i, `的 value：${error}`)
    if (i % ROWS_PER_PAUSE === ROWS_PER_PAUSE - 1) yield
  }
  tables.budgetAdjustments.forEach((row, i) => {
    const year = projects.get(row.projectId)?.year
    if (year !== undefined && Number(row.date.slice(0, 4)) !== year) fail('budgetAdjustments', i, `的 date「${row.date}」不在项目的 ${year} 年度内`)
  })
  tables.targetAdjustments.forEach((row, i) => {
    const indicator = indicators.get(row.indicatorId)
    if (!indicator) return fail('targetAdjustments', i, missing('指标', 'indicatorId', row.indicatorId))
    if (indicator.projectId !== row.projectId) {
      fail('targetAdjustments', i, `的 projectId「${row.projectId}」与其指标所属的项目「${indicator.projectId}」不一致`)
    }
  })
}

const KNOWN_TABLES = new Set<string>(BACKUP_TABLE_NAMES)
const isKnownTable = (name: string): name is BackupTableName => KNOWN_TABLES.has(name)

/**
 * Collects a backup as its parts arrive (JsonStreamHandlers): each row is checked against its
 * schema and for a duplicate key as it comes, ids are shared between rows (a million rows name
 * thirty thousand projects), and only checked rows are kept. `finish` checks the header, the
 * tables and the references, in the order a reader expects the errors, and yields as checkRows.
 */
function createBackupCollector(): JsonStreamHandlers & { finish(): Generator<void, BackupFile, void> } {
  const header = new Map<string, unknown>()
  let root: unknown = {}
  /** Row tables by name as they appear in the file (the legacy name included), or a non-list value. */
  const found = new Map<string, unknown[] | { readonly notList: unknown }>()
  const keys = new Map<string, ReturnType<typeof createKeyTracker>>()
  const ids = new Map<string, string>()
  let firstError: BackupInvalid | null = null
  const shared = (id: unknown) => {
    if (typeof id !== 'string') return id
    const known = ids.get(id)
    if (known !== undefined) return known
    ids.set(id, id)
    return id
  }
  const twice = (name: string) => {
    firstError ??= new BackupInvalid(`备份中数据表 ${name} 出现两次：请改用本程序导出、未经改动的备份文件`)
  }
  const descends = (path: JsonPath) => path.length === 0 || (path.length === 1 && path[0] === 'tables')
  const readsRows = (path: JsonPath) => path.length === 2 && path[0] === 'tables'

  function value(path: JsonPath, item: unknown): void {
    if (path.length === 0) root = item
    else if (path.length === 1) header.set(path[0] as string, item)
    else if (readsRows(path)) {
      const name = path[1] as string
      if (found.has(name)) twice(name)
      found.set(name, { notList: item })
    }
  }
  function rowsStart(path: JsonPath): void {
    const name = path[1] as string
    if (found.has(name)) twice(name)
    found.set(name, [])
    keys.set(name, createKeyTracker())
  }
  function row(path: JsonPath, item: unknown, index: number): void {
    if (firstError) return
    const name = path[1] as string
    const rows = found.get(name) as unknown[]
    try {
      if (!isKnownTable(name) && name !== LEGACY_AGENDA_TABLE) {
        if (!isRecord(item)) throw new BackupInvalid(`数据表 ${name} 应为记录列表`)
        rows.push(item)
        return
      }
      const table = isKnownTable(name) ? name : 'meetingAgendaFlags'
      const checked = readRow(table, table === name ? item : fromLegacyAgendaFlag(item), index) as Record<string, unknown>
      const duplicate = keys.get(name)?.add((KEYS[table] as (r: unknown) => RowKey)(checked))
      if (duplicate) throw new BackupInvalid(`${rowLabel(table, index)}与前面的记录重复（${duplicate}）`, true)
      if ('projectId' in checked) checked.projectId = shared(checked.projectId)
      if ('indicatorId' in checked) checked.indicatorId = shared(checked.indicatorId)
      rows.push(checked)
    } catch (error) {
      if (!(error instanceof BackupInvalid)) throw error
      firstError = error
      // Nothing more is kept: the file is refused anyway.
      found.clear()
    }
  }

  function* finish(): Generator<void, BackupFile, void> {
    if (!isRecord(root)) throw new BackupInvalid('文件内容不是备份（应为 JSON 对象）')
    const format = header.get('format')
    if (format !== BACKUP_FORMAT) throw new BackupInvalid(`这不是本程序的备份文件（format 应为 ${BACKUP_FORMAT}，实际为 ${shown(format)}）`)
    const version = header.get('version')
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      throw new BackupInvalid(`备份文件的版本号无效：${shown(version)}`)
    }
    if (version > BACKUP_VERSION) {
      throw new BackupInvalid(`备份文件版本为 ${version}，比本程序支持的版本 ${BACKUP_VERSION} 新：请先更新程序再恢复`)
    }
    const exportedAt = header.get('exportedAt')
    if (typeof exportedAt !== 'string' || Number.isNaN(Date.parse(exportedAt))) {
      throw new BackupInvalid(`备份时间 exportedAt 无效：${shown(exportedAt)}`)
    }
    // The tables object was walked, so it is not in the header; anything else there is not tables.
    if (header.has('tables') || !sawTables) throw new BackupInvalid('备份文件缺少数据表（tables）')
    if (found.has('meetingAgendaFlags') && found.has(LEGACY_AGENDA_TABLE)) {
      throw new BackupInvalid(`备份中「会议关注」表出现两次（meetingAgendaFlags 和 ${LEGACY_AGENDA_TABLE}）：请改用本程序导出、未经改动的备份文件`)
    }
    if (firstError) throw firstError
    const tables = {} as Record<BackupTableName, unknown[]>
    for (const name of BACKUP_TABLE_NAMES) {
      const rows = found.get(name) ?? (name === 'meetingAgendaFlags' ? found.get(LEGACY_AGENDA_TABLE) : undefined)
      // A table added in a later format than the file's is absent from it: the file had no such rows.
      if (rows === undefined && version < (TABLE_SINCE_VERSION[name] ?? 1)) {
        tables[name] = []
        continue
      }
      if (rows === undefined) throw new BackupInvalid(`缺少${tableLabel(name)}`)
      if (!Array.isArray(rows)) throw new BackupInvalid(`${tableLabel(name)}应为列表，实际为 ${shown(rows.notList)}`)
      tables[name] = rows
    }
    const extraTables: Record<string, Record<string, unknown>[]> = {}
    for (const [name, rows] of found) {
      if (isKnownTable(name) || name === LEGACY_AGENDA_TABLE) continue
      if (!Array.isArray(rows)) throw new BackupInvalid(`数据表 ${name} 应为记录列表`)
      extraTables[name] = rows as Record<string, unknown>[]
    }
    yield* checkRows(tables as BackupTables)
    return { format: BACKUP_FORMAT, version, exportedAt, tables: tables as BackupTables, extraTables }
  }

  let sawTables = false
  const walk = (path: JsonPath) => {
    if (path.length === 1 && path[0] === 'tables') sawTables = true
    return descends(path)
  }
  return { descends: walk, readsRows, value, rowsStart, row, finish }
}

/** Hands an already parsed value to a collector, as the chunked reader would. */
function feed(input: unknown, handlers: JsonStreamHandlers): void {
  if (!isRecord(input)) return handlers.value([], input)
  for (const [key, item] of Object.entries(input)) {
    if (item === undefined) continue
    if (key !== 'tables' || !isRecord(item) || !handlers.descends(['tables'])) {
      handlers.value([key], item)
      continue
    }
    for (const [name, rows] of Object.entries(item)) {
      // As in the file's JSON text, a field that is undefined is not there.
      if (rows === undefined) continue
      const path = ['tables', name]
      if (!Array.isArray(rows)) {
        handlers.value(path, rows)
        continue
      }
      handlers.rowsStart(path)
      rows.forEach((row: unknown, index) => handlers.row(path, row, index))
    }
  }
}

/** The outcome of a finished collector: the backup and its summary, or the Chinese error. */
function outcome(run: () => BackupFile): BackupValidation {
  try {
    const backup = run()
    return { ok: true, backup, summary: summarizeBackup(backup) }
  } catch (error) {
    if (error instanceof JsonStreamError) return { ok: false, error: NOT_JSON }
    if (!(error instanceof BackupInvalid)) throw error
    const detail = error.message.replace(/[。.]$/, '')
    const hint = error.isRow ? '请改正该条记录，或改用本程序导出、未经改动的备份文件。' : ''
    return { ok: false, error: `备份文件无效：${detail}。${hint}未写入任何数据。` }
  }
}

const NOT_JSON = '备份文件无效：不是 JSON 文件，或文件不完整（可能下载中断）。未写入任何数据。'

/** Runs a generator to its end without pausing. */
function drain<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
  }
}

/** Checks an untrusted value (a parsed backup file) row by row; ok with the typed backup, or a Chinese error. */
export function validateBackup(input: unknown): BackupValidation {
  return outcome(() => {
    const collector = createBackupCollector()
    feed(input, collector)
    return drain(collector.finish())
  })
}

/** Parses a backup file's text (JSON) and validates it; never throws. */
export function parseBackupText(text: string): BackupValidation {
  return outcome(() => {
    const collector = createBackupCollector()
    const reader = createJsonStreamReader(collector)
    reader.push(text)
    reader.end()
    return drain(collector.finish())
  })
}

/** Lets the page draw and handle input between two slices of work. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0))
/** Work between two pauses, in ms: well under the 200 ms a user notices as a freeze. */
const SLICE_MS = 40

/**
 * Reads a backup file from text chunks (a File's stream, decoded) without holding its text or
 * parsing it whole, checking rows as they come; pauses between slices of work so the page stays
 * responsive. The same checks and errors as parseBackupText; never throws for a bad file.
 */
export async function readBackupChunks(chunks: AsyncIterable<string>): Promise<BackupValidation> {
  const collector = createBackupCollector()
  const reader = createJsonStreamReader(collector)
  let sliceStart = performance.now()
  const breathe = async () => {
    if (performance.now() - sliceStart < SLICE_MS) return
    await pause()
    sliceStart = performance.now()
  }
  let backup: BackupFile
  try {
    for await (const chunk of chunks) {
      reader.push(chunk)
      await breathe()
    }
    reader.end()
    const steps = collector.finish()
    for (;;) {
      const next = steps.next()
      if (next.done) {
        backup = next.value
        break
      }
      await breathe()
    }
  } catch (error) {
    return outcome(() => {
      throw error
    })
  }
  return outcome(() => backup)
}
