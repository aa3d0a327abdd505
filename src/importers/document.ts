import { parseMoney, type MoneyUnit } from '../domain/money'
import type { BudgetSplit, Checkpoint, Department, Fen, IndicatorTarget, SpendPlan } from '../domain/types'
import { normalizeLabel, parsePlainNumber, stripParenthetical, toHalfWidth } from './normalize'
import { parseTarget } from './parseTarget'
import { readRows, type SourceRow } from './rows'

/**
 * Reads a department's 部门预算绩效信息 (one 绩效目标表 per project) from its flattened text:
 * the seed's cell lines, `|` rows or tab rows (see rows.ts). Fields are found by their
 * labels (项目编码, 预算数, 资金支出计划, 三级指标 …), never by position, so extra columns,
 * merged cells and reordered rows read the same. Every guess becomes an ImportWarning;
 * a project that cannot be read whole makes the result ok:false, so nothing half-read is
 * imported.
 */

/** Something the importer had to guess or fill in; message in Chinese, naming project and cell. */
export interface ImportWarning {
  /** 项目名称, or null for the document as a whole. */
  readonly project: string | null
  /** The cell concerned, e.g. 指标值, 资金支出计划, 预算数. */
  readonly field: string
  readonly message: string
}

export interface ParsedIndicator {
  /** Position in the project's indicator table, from 0. */
  readonly order: number
  readonly level1: string
  readonly level2: string
  readonly name: string
  readonly description: string
  readonly target: IndicatorTarget
  readonly basis: string | null
  /** 分值 / 权重 column when present. */
  readonly weight: number | null
}

export interface ParsedProject {
  readonly code: string
  readonly name: string
  /** In 分. */
  readonly budget: BudgetSplit
  readonly plan: SpendPlan
  readonly purpose: string
  /** 绩效目标 lines, numbering (`1、`) stripped: the app numbers them itself. */
  readonly goals: readonly string[]
  readonly indicators: readonly ParsedIndicator[]
  /** 1-based line where the project's table starts. */
  readonly line: number
}

export interface ParsedDocument {
  readonly year: number | null
  readonly department: Department
  /** The money unit the document states (of its first project). */
  readonly moneyUnit: MoneyUnit
  readonly projects: readonly ParsedProject[]
}

export interface DocumentParseError {
  /** One line, Chinese then English. */
  readonly message: string
  readonly line: number | null
  /** What the importer was looking for where it stopped. */
  readonly expected: string
}

export type DocumentParseResult =
  | { readonly ok: true; readonly document: ParsedDocument; readonly warnings: readonly ImportWarning[] }
  | { readonly ok: false; readonly error: DocumentParseError; readonly warnings: readonly ImportWarning[] }

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DocumentParseError }

// ── Labels ───────────────────────────────────────────────────────────────────────────

const LABEL = {
  code: /^项目(编码|代码|编号)$/,
  name: /^项目名称$/,
  budget: /^(年度|项目)?(预算数|预算金额|预算资金|预算总额|资金总额|总金额)$/,
  fiscal: /^(其中:?)?(财政资金|财政拨款|财政性资金|本级财政资金|一般公共预算资金)$/,
  other: /^(其中:?)?其他资金$/,
  purpose: /^(资金用途|项目用途|主要用途|资金使用用途|用途)$/,
  goals: /^(年度)?(绩效目标|总体目标|项目目标)$/,
  plan: /(资金支出计划|支出计划|资金使用计划|用款计划|支出进度计划)/,
  departmentName: /^(单位名称|部门名称|预算单位|预算单位名称|部门\(单位\)名称|单位\(部门\)名称|主管部门)$/,
  departmentCode: /^(单位|部门|预算单位)(编码|代码|编号)$/,
} as const

const MONEY_UNIT = /单位:(?:人民币)?(万元|元)\)?$/
const CHECKPOINT_CELL = /^(\d{1,2})月(?:底|末|份)?(?:前)?$/
const LEVEL1_VALUE = /^(产出|效益|效果|满意度|成本)指标/
/** `产出指标(50分)`, `效益指标（权重30%）`: the group's weight, not part of its name. */
const WEIGHT_SUFFIX = /\s*[(（]\s*(?:权重|分值)?[:：]?\s*\d+(?:\.\d+)?\s*(?:分|%)?\s*[)）]\s*$/

type Column =
  | 'level1' | 'level2' | 'name' | 'description' | 'value' | 'basis'
  | 'nature' | 'direction' | 'weight' | 'unit'

const COLUMNS: ReadonlyArray<readonly [Column, RegExp]> = [
  ['basis', /^(指标值确定依据|指标值设定依据|目标值确定依据|确定依据|设定依据|指标依据|依据)$/],
  ['level1', /^一级指标(名称)?$/],
  ['level2', /^二级指标(名称)?$/],
  ['name', /^(三级指标(名称)?|指标名称|绩效指标名称)$/],
  ['description', /^(绩效指标描述|指标描述|指标解释|指标内容|指标说明)$/],
  ['value', /^(指标值|目标值|指标值及单位|目标值及单位|年度指标值|年度目标值|当年预期实现值|预期实现值|预期目标值|绩效指标值|指标目标值|全年指标值)$/],
  ['nature', /^(指标性质|指标类型|运算符|比较符号?)$/],
  ['direction', /^指标方向$/],
  ['weight', /^(分值|权重|指标分值|指标权重|分值\(权重\)|权重\(分\)|权重\(%\))$/],
  ['unit', /^(度量单位|计量单位|指标单位|单位)$/],
]

type ColumnMap = Partial<Record<Column, number>>

function labelOf(cell: string): string {
  return stripParenthetical(normalizeLabel(cell))
}

function columnOf(cell: string): Column | null {
  const full = normalizeLabel(cell)
  const bare = stripParenthetical(full)
  return COLUMNS.find(([, re]) => re.test(full) || re.test(bare))?.[0] ?? null
}

function headerColumns(row: SourceRow): ColumnMap | null {
  if (row.kind !== 'cells') return null
  const map: ColumnMap = {}
  row.cells.forEach((cell, index) => {
    const column = columnOf(cell)
    if (column && map[column] === undefined) map[column] = index
  })
  return map.name !== undefined && map.value !== undefined ? map : null
}

function isLabel(cell: string): boolean {
  const label = labelOf(cell)
  return (
    Object.values(LABEL).some((re) => re.test(label)) ||
    CHECKPOINT_CELL.test(label) ||
    /资金用途$/.test(label) ||
    MONEY_UNIT.test(normalizeLabel(cell))
  )
}

function hasLabel(row: SourceRow, re: RegExp): boolean {
  return row.kind === 'cells' && row.cells.some((cell) => re.test(labelOf(cell)) || re.test(inlineLabel(cell)?.label ?? ''))
}

function inlineLabel(cell: string): { label: string; value: string } | null {
  const match = /^([^:：]{2,12})[:：](.*)$/s.exec(cell.trim())
  if (!match) return null
  return { label: labelOf(match[1] ?? ''), value: (match[2] ?? '').trim() }
}

function moneyUnitOf(text: string): MoneyUnit | null {
  const match = MONEY_UNIT.exec(normalizeLabel(text))
  return match ? (match[1] === '元' ? 'yuan' : 'wan') : null
}

function parenUnit(cell: string): MoneyUnit | null {
  const match = /\((万元|元)\)$/.exec(normalizeLabel(cell))
  return match ? (match[1] === '元' ? 'yuan' : 'wan') : null
}

function isStructuralRow(row: SourceRow): boolean {
  if (row.kind !== 'cells') return true
  return (
    hasLabel(row, LABEL.code) ||
    hasLabel(row, LABEL.name) ||
    hasLabel(row, LABEL.budget) ||
    hasLabel(row, LABEL.plan) ||
    hasLabel(row, LABEL.goals) ||
    hasLabel(row, LABEL.departmentName) ||
    row.cells.some((cell) => moneyUnitOf(cell) !== null) ||
    headerColumns(row) !== null
  )
}

// ── Labeled values ───────────────────────────────────────────────────────────────────

interface Found {
  /** The value cell, trimmed; '' when the cell is blank or missing. */
  readonly value: string
  readonly label: string
  readonly rowIndex: number
  readonly line: number
  readonly unit: MoneyUnit | null
}

/**
 * The cell right after the first cell labeled `re` (or `label：value` in one cell; in a
 * text line too when `isTextToo`).
 */
function findLabeled(rows: readonly SourceRow[], from: number, to: number, re: RegExp, isTextToo = false): Found | null {
  for (let i = from; i < to; i++) {
    const row = rows[i]
    if (!row || (row.kind !== 'cells' && !isTextToo)) continue
    for (let j = 0; j < row.cells.length; j++) {
      const cell = row.cells[j] ?? ''
      if (row.kind === 'cells' && re.test(labelOf(cell))) {
        const line = row.cellLines[j + 1] ?? row.cellLines[j] ?? row.line
        return { value: (row.cells[j + 1] ?? '').trim(), label: cell.trim(), rowIndex: i, line, unit: parenUnit(cell) }
      }
      const inline = inlineLabel(cell)
      if (inline && re.test(inline.label)) {
        return { value: inline.value, label: cell.trim(), rowIndex: i, line: row.cellLines[j] ?? row.line, unit: null }
      }
    }
  }
  return null
}

// ── Errors and warnings ──────────────────────────────────────────────────────────────

function failure(zh: string, en: string, line: number | null, expected: string): DocumentParseError {
  const where = line === null ? { zh: '', en: '' } : { zh: `第 ${line} 行：`, en: `line ${line}: ` }
  return { message: `${where.zh}${zh} / ${where.en}${en}`, line, expected }
}

function fail<T>(error: DocumentParseError): Outcome<T> {
  return { ok: false, error }
}

// ── Segmenting into projects ─────────────────────────────────────────────────────────

interface Segment {
  readonly start: number
  readonly end: number
}

/**
 * A project starts at a row labeled 项目编码 or 项目名称. Code and name may sit on two rows
 * of the same table, so a new project starts only once the current one has shown its
 * budget or indicator header, or when a label repeats (a table cut off before its budget).
 */
function segmentProjects(rows: readonly SourceRow[]): Segment[] {
  const starts: number[] = []
  let seen = new Set<'code' | 'name'>()
  let isFilled = false
  rows.forEach((row, index) => {
    const kinds = (['code', 'name'] as const).filter((kind) => hasLabel(row, LABEL[kind]))
    if (kinds.length > 0) {
      const isRepeat = kinds.some((kind) => seen.has(kind))
      if (starts.length === 0 || isFilled || isRepeat) {
        starts.push(index)
        seen = new Set()
        isFilled = false
      }
      kinds.forEach((kind) => seen.add(kind))
    }
    if (hasLabel(row, LABEL.budget) || headerColumns(row) !== null) isFilled = true
  })
  return starts.map((start, k) => ({ start, end: starts[k + 1] ?? rows.length }))
}

// ── One project ──────────────────────────────────────────────────────────────────────

interface ProjectContext {
  readonly rows: readonly SourceRow[]
  readonly segment: Segment
  /** Money unit declared at or before each row (`单位：万元`), null before any. */
  readonly unitAt: readonly (MoneyUnit | null)[]
  readonly warnings: ImportWarning[]
}

interface ProjectRead {
  readonly project: ParsedProject
  readonly moneyUnit: MoneyUnit
  /** Index after the last row that belongs to the project's table. */
  readonly end: number
}

function readProject(ctx: ProjectContext): Outcome<ProjectRead> {
  const { rows, segment } = ctx
  const first = rows[segment.start]
  const last = rows[segment.end - 1]
  const startLine = first?.line ?? 1
  const endLine = last?.endLine ?? startLine

  const headerIndex = findIndex(rows, segment.start, segment.end, (row) => headerColumns(row) !== null)
  // Code and name are read above the indicator table only, never from an indicator row.
  const headEnd = headerIndex === -1 ? segment.end : headerIndex
  const codeCell = findLabeled(rows, segment.start, headEnd, LABEL.code)
  const nameCell = findLabeled(rows, segment.start, headEnd, LABEL.name)
  const name = nameCell?.value ?? ''
  const code = codeCell?.value ?? ''
  const who = name || code || `第 ${startLine} 行起的项目`
  if (!nameCell || name === '') {
    return fail(failure(`项目「${who}」缺少项目名称`, `project ${code || '?'} has no 项目名称 (name)`, nameCell?.line ?? startLine, '“项目名称”后的单元格写明项目名称'))
  }
  if (!codeCell || code === '') {
    return fail(failure(`项目「${name}」缺少项目编码`, `project ${name} has no 项目编码 (code)`, codeCell?.line ?? startLine, '“项目编码”后的单元格写明项目编码'))
  }

  if (headerIndex === -1) {
    return fail(failure(
      `项目「${name}」的绩效目标表到此中断，未找到指标表（三级指标、指标值）`,
      `the table of project ${name} stops here, before its indicators`,
      endLine,
      '指标表头：一级指标、二级指标、三级指标、绩效指标描述、指标值（或目标值）',
    ))
  }
  const warn = (field: string, message: string): void => {
    ctx.warnings.push({ project: name, field, message })
  }

  const budget = readBudget(ctx, headerIndex, name, warn)
  if (!budget.ok) return budget
  const purpose = readPurpose(rows, segment.start, headerIndex, budget.value.rowIndex)
  if (purpose === '') warn('资金用途', `项目「${name}」的资金用途为空`)
  const plan = readPlan(rows, segment.start, headerIndex, name, warn)
  const goals = readGoals(rows, segment.start, headerIndex, name, warn)
  const indicators = readIndicators(ctx, headerIndex, name, warn)
  if (!indicators.ok) return indicators

  return {
    ok: true,
    value: {
      project: {
        code,
        name,
        budget: budget.value.split,
        plan,
        purpose,
        goals,
        indicators: indicators.value.indicators,
        line: startLine,
      },
      moneyUnit: budget.value.unit,
      end: indicators.value.end,
    },
  }
}

function findIndex(rows: readonly SourceRow[], from: number, to: number, test: (row: SourceRow) => boolean): number {
  for (let i = from; i < to; i++) {
    const row = rows[i]
    if (row && test(row)) return i
  }
  return -1
}

type Warn = (field: string, message: string) => void

interface BudgetRead {
  readonly split: BudgetSplit
  readonly unit: MoneyUnit
  readonly rowIndex: number
}

function readBudget(ctx: ProjectContext, headerIndex: number, name: string, warn: Warn): Outcome<BudgetRead> {
  const { rows, segment } = ctx
  const totalCell = findLabeled(rows, segment.start, headerIndex, LABEL.budget)
  if (!totalCell) {
    const line = rows[headerIndex]?.line ?? null
    return fail(failure(`项目「${name}」缺少预算数`, `project ${name} has no 预算数 (budget)`, line, '“预算数”后的单元格写明金额，如 3.00'))
  }
  const declared = totalCell.unit ?? ctx.unitAt[totalCell.rowIndex] ?? null
  if (declared === null) {
    warn('单位', `项目「${name}」未写金额单位（单位：万元 / 元），按万元读取`)
  }
  const unit: MoneyUnit = declared ?? 'wan'

  const total = readAmount(totalCell, unit)
  if (total === null || totalCell.value === '') {
    return fail(failure(
      `项目「${name}」的${totalCell.label}「${totalCell.value}」不是金额数字`,
      `budget of project ${name} is not a number: "${totalCell.value}"`,
      totalCell.line,
      `预算数为数字，如 ${unit === 'wan' ? '3.00（万元）' : '30,000.00（元）'}`,
    ))
  }

  const parts: Array<{ re: RegExp; field: string }> = [
    { re: LABEL.fiscal, field: '其中：财政资金' },
    { re: LABEL.other, field: '其他资金' },
  ]
  const amounts: Array<Fen | null> = []
  for (const { re, field } of parts) {
    const cell = findLabeled(rows, segment.start, headerIndex, re)
    if (!cell || cell.value === '') {
      amounts.push(null)
      continue
    }
    const amount = readAmount(cell, cell.unit ?? unit)
    if (amount === null) {
      return fail(failure(
        `项目「${name}」的${cell.label}「${cell.value}」不是金额数字`,
        `${field} of project ${name} is not a number: "${cell.value}"`,
        cell.line,
        `${field}为数字或留空`,
      ))
    }
    amounts.push(amount)
  }
  const [fiscal = null, other = null] = amounts
  if (fiscal === null && other === null) {
    warn('其中：财政资金', `项目「${name}」未填“其中：财政资金 / 其他资金”，资金来源未拆分`)
  } else if ((fiscal ?? 0) + (other ?? 0) !== total) {
    warn('其中：财政资金', `项目「${name}」的财政资金与其他资金之和不等于预算数，请核对`)
  }
  return { ok: true, value: { split: { total, fiscal, other }, unit, rowIndex: totalCell.rowIndex } }
}

/** An amount cell in the given unit; a `万元`/`元` written in the cell wins. */
function readAmount(cell: Found, unit: MoneyUnit): Fen | null {
  const text = normalizeLabel(cell.value)
  const match = /^(.*?)(万元|元)$/.exec(text)
  if (match) return parseMoney(match[1] ?? '', match[2] === '元' ? 'yuan' : 'wan')
  return parseMoney(text, unit)
}

function readPurpose(rows: readonly SourceRow[], from: number, to: number, budgetRow: number): string {
  const labeled = findLabeled(rows, from, to, LABEL.purpose)
  if (labeled && labeled.value !== '' && !isLabel(labeled.value)) return labeled.value
  // The seed's 预算规模及资金用途 is a merged label: the purpose is the unlabeled row below
  // the budget row.
  const next = rows[budgetRow + 1]
  if (!next || next.kind !== 'cells' || budgetRow + 1 >= to) return ''
  if (next.cells.some((cell) => isLabel(cell) && !/资金用途$/.test(labelOf(cell)))) return ''
  return next.cells.filter((cell) => cell !== '' && !/资金用途$/.test(labelOf(cell))).join('\n')
}

const EMPTY_PLAN: SpendPlan = { 3: null, 6: null, 10: null, 12: null }
const CHECKPOINT_NAMES: Readonly<Record<Checkpoint, string>> = { 3: '3月底', 6: '6月底', 10: '10月底', 12: '12月底' }

function isCheckpoint(month: number): month is Checkpoint {
  return month === 3 || month === 6 || month === 10 || month === 12
}

function readPlan(rows: readonly SourceRow[], from: number, to: number, name: string, warn: Warn): SpendPlan {
  const checkpointsIn = (row: SourceRow | undefined): Array<{ col: number; month: number }> =>
    row?.kind === 'cells'
      ? row.cells.flatMap((cell, col) => {
          const match = CHECKPOINT_CELL.exec(labelOf(cell))
          return match ? [{ col, month: Number(match[1]) }] : []
        })
      : []
  const planIndex = findIndex(rows, from, to, (row) => hasLabel(row, LABEL.plan) || checkpointsIn(row).length >= 2)
  if (planIndex === -1) {
    warn('资金支出计划', `项目「${name}」没有资金支出计划，计划进度按序时进度（每月 1/12）计算`)
    return EMPTY_PLAN
  }
  let headerIndex = planIndex
  if (checkpointsIn(rows[planIndex]).length === 0) headerIndex = planIndex + 1
  const header = rows[headerIndex]
  const checkpoints = headerIndex < to ? checkpointsIn(header) : []
  if (!header || checkpoints.length === 0) {
    warn('资金支出计划', `项目「${name}」的资金支出计划（第 ${rows[planIndex]?.line ?? '?'} 行）没有 3/6/10/12月底 栏目，计划进度按序时进度计算`)
    return EMPTY_PLAN
  }

  // Either `3月底 | 20 | 6月底 | 50 …` on one row, or a header row with the values below.
  const isPairs = checkpoints.every(({ col }) => {
    const next = header.cells[col + 1]
    return next !== undefined && !CHECKPOINT_CELL.test(labelOf(next))
  })
  const below = rows[headerIndex + 1]
  const isValuesRow =
    below !== undefined && below.kind === 'cells' && headerIndex + 1 < to && !isStructuralRow(below) && checkpointsIn(below).length === 0
  const values = isPairs ? header : isValuesRow ? below : null
  // A values row with fewer cells lost its leading blank cells: align it on the right.
  const shift = values && !isPairs ? values.cells.length - header.cells.length : 0

  const plan: Record<Checkpoint, number | null> = { 3: null, 6: null, 10: null, 12: null }
  for (const { col, month } of checkpoints) {
    if (!isCheckpoint(month)) {
      warn('资金支出计划', `项目「${name}」的资金支出计划有 ${month}月底 一栏，不是 3/6/10/12月底，已忽略`)
      continue
    }
    const cell = values?.cells[isPairs ? col + 1 : col + shift] ?? ''
    if (cell.trim() === '' || isLabel(cell)) continue
    const value = parsePlainNumber(cell)
    if (value === null) {
      warn('资金支出计划', `项目「${name}」资金支出计划 ${CHECKPOINT_NAMES[month]}「${cell}」不是数字，按空白处理`)
      continue
    }
    if (value < 0 || value > 100) {
      warn('资金支出计划', `项目「${name}」资金支出计划 ${CHECKPOINT_NAMES[month]} 为 ${value}%，超出 0–100，请核对`)
    }
    plan[month] = value
  }

  const blanks = ([3, 6, 10, 12] as const).filter((month) => plan[month] === null)
  if (blanks.length === 4) {
    warn('资金支出计划', `项目「${name}」的资金支出计划全部为空，计划进度按序时进度（每月 1/12）计算`)
  } else if (blanks.length > 0) {
    const names = blanks.map((month) => CHECKPOINT_NAMES[month]).join('、')
    const twelve = plan[12] === null ? '；12月底为空，按 100% 计' : ''
    warn('资金支出计划', `项目「${name}」资金支出计划的 ${names} 为空，计划进度在已填节点之间按月线性推算${twelve}`)
  }
  const filled = ([3, 6, 10, 12] as const).flatMap((month) => (plan[month] === null ? [] : [plan[month]]))
  if (filled.some((value, i) => i > 0 && value !== null && value < (filled[i - 1] ?? 0))) {
    warn('资金支出计划', `项目「${name}」的资金支出计划不是逐期累计递增，请核对（应为截至各月底的累计百分比）`)
  }
  return plan
}

const GOAL_NUMBERING = /^\s*(?:\d{1,2}(?:[、)）]|[.．](?!\d))|[(（]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}[、.．]|[①-⑳])\s*/

/** Splits a 绩效目标 cell into lines: one per line break, or per `；2、` inside a line. */
function splitGoals(text: string): string[] {
  return text
    .split(/\n|[；;]\s*(?=(?:\d{1,2}(?:[、)）]|[.．](?!\d))|[(（]\d{1,2}[)）]|[①-⑳]))/)
    .map((line) => line.replace(GOAL_NUMBERING, '').trim())
    .filter((line) => line !== '')
}

function readGoals(rows: readonly SourceRow[], from: number, to: number, name: string, warn: Warn): string[] {
  const found = findLabeled(rows, from, to, LABEL.goals)
  if (!found) {
    warn('绩效目标', `项目「${name}」没有绩效目标`)
    return []
  }
  const row = rows[found.rowIndex]
  // A goals cell may have been split over several cells of its row.
  const labelCol = row?.cells.findIndex((cell) => LABEL.goals.test(labelOf(cell))) ?? -1
  const text = labelCol === -1 ? found.value : (row?.cells.slice(labelCol + 1).filter((c) => c !== '').join('\n') ?? '')
  const goals = splitGoals(text)
  if (goals.length === 0) warn('绩效目标', `项目「${name}」的绩效目标为空`)
  return goals
}

interface IndicatorsRead {
  readonly indicators: readonly ParsedIndicator[]
  readonly end: number
}

function readIndicators(ctx: ProjectContext, headerIndex: number, name: string, warn: Warn): Outcome<IndicatorsRead> {
  const { rows, segment } = ctx
  const header = rows[headerIndex]
  const columns = header ? headerColumns(header) : null
  if (!header || !columns) return fail(failure('内部错误：指标表头丢失', 'internal: header lost', null, ''))
  const width = header.cells.length
  // Merged 一级/二级 cells may be left out entirely; they are always the leading columns.
  const leadingLevels = [columns.level1, columns.level2].filter((col) => col !== undefined && col < 2).length

  const indicators: ParsedIndicator[] = []
  let level1 = ''
  let level2 = ''
  let end = headerIndex + 1
  for (let i = headerIndex + 1; i < segment.end; i++) {
    const row = rows[i]
    if (!row || isStructuralRow(row)) break
    if (row.cells.every((cell) => cell === '')) {
      end = i + 1
      continue
    }
    const aligned = alignRow(row.cells, width, leadingLevels)
    if (!aligned) break
    const { cells, offset } = aligned
    const lineOf = (column: Column): number => {
      const col = columns[column]
      return col === undefined ? row.line : (row.cellLines[col - offset] ?? row.line)
    }
    end = i + 1
    const at = (column: Column): string => {
      const col = columns[column]
      return col === undefined ? '' : (cells[col] ?? '').trim()
    }

    const rowLevel1 = at('level1').replace(WEIGHT_SUFFIX, '')
    const rowLevel2 = at('level2').replace(WEIGHT_SUFFIX, '')
    if (rowLevel1 !== '') {
      // A new 一级 group starts a new 二级 group too: a merged cell never spans groups.
      if (rowLevel2 === '' && rowLevel1 !== level1) level2 = ''
      level1 = rowLevel1
    }
    if (rowLevel2 !== '') level2 = rowLevel2
    const indicatorName = at('name')
    if (indicatorName === '') {
      return fail(failure(
        `项目「${name}」的第 ${indicators.length + 1} 个指标没有三级指标名称`,
        `indicator ${indicators.length + 1} of project ${name} has no name (三级指标)`,
        lineOf('name'),
        '每个指标行都写明三级指标',
      ))
    }
    const where = `项目「${name}」指标「${indicatorName}」（第 ${lineOf('value')} 行）`
    if (columns.level1 !== undefined && level1 === '') warn('一级指标', `${where}没有一级指标`)
    if (columns.level2 !== undefined && level2 === '') warn('二级指标', `${where}没有二级指标`)

    const description = at('description')
    const raw = columns.value === undefined ? '' : (cells[columns.value] ?? '').trim()
    const parsed = parseTarget(raw, {
      name: indicatorName,
      description,
      unit: at('unit'),
      nature: at('nature'),
      direction: at('direction'),
    })
    for (const message of parsed.warnings) warn('指标值', `${where}的${message}`)
    const weightText = normalizeLabel(at('weight')).replace(/(分|%)$/, '')
    indicators.push({
      order: indicators.length,
      level1,
      level2,
      name: indicatorName,
      description,
      target: parsed.target,
      basis: at('basis') || null,
      weight: weightText === '' ? null : parsePlainNumber(weightText),
    })
  }

  if (indicators.length === 0) {
    const line = rows[Math.min(end, segment.end) - 1]?.endLine ?? header.line
    return fail(failure(
      `项目「${name}」的指标表到此中断：表头之后没有指标行`,
      `the indicator table of project ${name} has no indicator rows`,
      line,
      '表头之后至少一行指标（三级指标、指标值）',
    ))
  }
  return { ok: true, value: { indicators, end } }
}

/**
 * Fits a row to the header's width. Too few cells: a row that starts with its 一级指标
 * lost trailing blanks; any other lost its merged leading 一级/二级 cells. Null when the
 * row cannot be an indicator row; offset = aligned index − source index.
 */
function alignRow(
  cells: readonly string[],
  width: number,
  leadingLevels: number,
): { cells: readonly string[]; offset: number } | null {
  if (cells.length >= width) return { cells: cells.slice(0, width), offset: 0 }
  const missing = width - cells.length
  const blanks: string[] = Array.from({ length: missing }, () => '')
  if (LEVEL1_VALUE.test(labelOf(cells[0] ?? ''))) return { cells: [...cells, ...blanks], offset: 0 }
  if (missing <= leadingLevels) return { cells: [...blanks, ...cells], offset: missing }
  return null
}

// ── Document ─────────────────────────────────────────────────────────────────────────

/** Line of the first control or replacement character when the text is not a text document. */
function findBinaryLine(text: string): number | null {
  let count = 0
  let first = -1
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const isBad = (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0xfffd
    if (!isBad) continue
    if (first === -1) first = i
    count++
  }
  if (first === -1) return null
  // A stray replacement character or two is a damaged text, not a binary file.
  const isBinary = text.includes('\u0000') || count >= 20 || count / text.length > 0.01
  return isBinary ? text.slice(0, first).split('\n').length : null
}

function readYear(rows: readonly SourceRow[]): number | null {
  for (const row of rows) {
    for (const cell of row.cells) {
      const match = /((?:19|20)\d{2})\s*年度?[^\n。，]{0,20}?(预算|绩效)/.exec(toHalfWidth(cell))
      if (match) return Number(match[1])
    }
  }
  return null
}

const DEPARTMENT_VALUE = /^[[【(（]?(\d{2,20})[\]】)）]?[\s\-_:：]*([\u4e00-\u9fa5][^\n]*)$/
/** An unlabeled `315002秦皇岛市北戴河区司法局` cell: a long code glued to an organization name. */
const DEPARTMENT_CELL = /^[[【]?(\d{5,20})[\]】]?[\s\-_]*([\u4e00-\u9fa5][\u4e00-\u9fa5()（）]{1,39})$/

function readDepartment(
  rows: readonly SourceRow[],
  isInTable: (index: number) => boolean,
  warnings: ImportWarning[],
): Department {
  const candidates: Department[] = []
  const codeCell = findLabeled(rows, 0, rows.length, LABEL.departmentCode, true)
  const nameCell = findLabeled(rows, 0, rows.length, LABEL.departmentName, true)
  if (nameCell && nameCell.value !== '' && moneyUnitOf(`单位:${nameCell.value}`) === null) {
    const match = DEPARTMENT_VALUE.exec(nameCell.value)
    candidates.push(
      match
        ? { code: match[1] ?? '', name: (match[2] ?? '').trim() }
        : { code: codeCell?.value ?? '', name: nameCell.value },
    )
  }
  rows.forEach((row, index) => {
    if (row.kind !== 'cells' || isInTable(index)) return
    for (const cell of row.cells) {
      const match = DEPARTMENT_CELL.exec(cell.trim())
      if (match) candidates.push({ code: match[1] ?? '', name: match[2] ?? '' })
    }
  })
  const [department] = candidates
  if (!department) {
    warnings.push({ project: null, field: '单位', message: '文档中未找到单位编码与名称（如“315002秦皇岛市北戴河区司法局”），请导入后补填' })
    return { code: '', name: '' }
  }
  if (department.code === '') {
    warnings.push({ project: null, field: '单位', message: `单位「${department.name}」没有单位编码，请导入后补填` })
  }
  const others = candidates.filter((c) => c.code !== department.code || c.name !== department.name)
  if (others.length > 0) {
    const list = [...new Set(others.map((c) => `${c.code}${c.name}`))].join('、')
    warnings.push({ project: null, field: '单位', message: `文档中出现多个单位：按「${department.code}${department.name}」导入，另有 ${list}` })
  }
  return department
}

/** Parses a flattened 部门预算绩效信息 (seed cell lines, `|` rows or tab rows) into projects and indicators, money in 分; never throws. */
export function parseDocument(text: string): DocumentParseResult {
  const warnings: ImportWarning[] = []
  try {
    return parseChecked(text, warnings)
  } catch (cause) {
    // A bug must not crash an import dialog; it becomes an error the user can report.
    const detail = cause instanceof Error ? cause.message : String(cause)
    return { ok: false, error: failure(`导入程序内部错误：${detail}`, `internal importer error: ${detail}`, null, ''), warnings }
  }
}

function parseChecked(text: string, warnings: ImportWarning[]): DocumentParseResult {
  if (text.trim() === '') {
    return { ok: false, error: failure('文件为空，没有可读的内容', 'the file is empty', null, '部门预算绩效信息的文本（含绩效目标表）'), warnings }
  }
  const binaryLine = findBinaryLine(text)
  if (binaryLine !== null) {
    return {
      ok: false,
      error: failure('文件不是文本（含乱码或二进制内容），请另存为 UTF-8 文本后导入', 'the file is not UTF-8 text', binaryLine, 'UTF-8 编码的文本文件'),
      warnings,
    }
  }

  return parseRowsChecked(readRows(text), warnings)
}

/**
 * Parses rows already split into cells (a .docx's tables, see docx.ts) exactly as
 * parseDocument parses text; lines are the rows' own numbers. Never throws.
 */
export function parseDocumentRows(rows: readonly SourceRow[]): DocumentParseResult {
  const warnings: ImportWarning[] = []
  try {
    return parseRowsChecked(rows, warnings)
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause)
    return { ok: false, error: failure(`导入程序内部错误：${detail}`, `internal importer error: ${detail}`, null, ''), warnings }
  }
}

function parseRowsChecked(rows: readonly SourceRow[], warnings: ImportWarning[]): DocumentParseResult {
  const segments = segmentProjects(rows)
  if (segments.length === 0) {
    const lastLine = rows[rows.length - 1]?.endLine ?? null
    return {
      ok: false,
      error: failure('未找到任何项目（没有“项目编码 / 项目名称”单元格）', 'no project found (no 项目编码 / 项目名称 cell)', lastLine, '每个项目一张绩效目标表，含“项目编码”“项目名称”'),
      warnings,
    }
  }

  const unitAt: Array<MoneyUnit | null> = []
  let unit: MoneyUnit | null = null
  for (const row of rows) {
    for (const cell of row.cells) unit = moneyUnitOf(cell) ?? unit
    unitAt.push(unit)
  }

  const projects: ParsedProject[] = []
  const units: MoneyUnit[] = []
  const tableRanges: Segment[] = []
  for (const segment of segments) {
    const read = readProject({ rows, segment, unitAt, warnings })
    if (!read.ok) return { ok: false, error: read.error, warnings }
    projects.push(read.value.project)
    units.push(read.value.moneyUnit)
    tableRanges.push({ start: segment.start, end: read.value.end })
  }

  const codes = projects.map((p) => p.code)
  for (const [index, code] of codes.entries()) {
    if (codes.indexOf(code) !== index) {
      warnings.push({ project: projects[index]?.name ?? null, field: '项目编码', message: `项目编码 ${code} 在文档中出现多次，请核对` })
    }
  }
  const moneyUnit = units[0] ?? 'wan'
  if (units.some((u) => u !== moneyUnit)) {
    warnings.push({ project: null, field: '单位', message: '各项目的金额单位不一致（万元 / 元），已分别换算' })
  }

  const year = readYear(rows)
  if (year === null) warnings.push({ project: null, field: '年度', message: '文档中未找到年度（如“2020年部门预算绩效信息”），请导入时选择年度' })
  const isInTable = (index: number): boolean => tableRanges.some((r) => index >= r.start && index < r.end)
  const department = readDepartment(rows, isInTable, warnings)

  return { ok: true, document: { year, department, moneyUnit, projects }, warnings }
}
