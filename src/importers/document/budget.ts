import { parseMoney, type MoneyUnit } from '../../domain/money'
import type { BudgetSplit, Fen } from '../../domain/types'
import { normalizeLabel } from '../normalize'
import type { SourceRow } from '../rows'
import { findLabeled, isLabel, LABEL, labelOf, moneyUnitOf, moneyUnitOfWord, type Found } from './labels'
import { failure, type Fail, type Warn } from './outcome'
import type { ProjectContext } from './segment'

/** The budget block: 预算数, 其中 财政资金 / 其他资金 in the unit declared, and 资金用途. */

/** The money unit declared at or before each row (`单位：万元` notes), null before any. */
export function declaredUnits(rows: readonly SourceRow[]): Array<MoneyUnit | null> {
  const unitAt: Array<MoneyUnit | null> = []
  let unit: MoneyUnit | null = null
  for (const row of rows) {
    for (const cell of row.cells) unit = moneyUnitOf(cell) ?? unit
    unitAt.push(unit)
  }
  return unitAt
}

/** A project's budget, the unit it was read in, and the row of its 预算数. */
export interface BudgetRead {
  readonly split: BudgetSplit
  readonly unit: MoneyUnit
  readonly rowIndex: number
}

/**
 * Reads 预算数 and its 财政资金 / 其他资金 split (in 分) above the indicator header; null
 * (with each unreadable cell reported through `fail`) without a readable total.
 */
export function readBudget(ctx: ProjectContext, headerIndex: number, name: string, warn: Warn, fail: Fail): BudgetRead | null {
  const { rows, segment } = ctx
  // The national 申报表 has 中期资金总额 and 年度资金总额 columns: the year's is read.
  const annual = annualBudgetColumn(rows, segment.start, headerIndex)
  const find = (re: RegExp): Found | null =>
    annual ? findInColumn(rows, annual.rowIndex + 1, headerIndex, re, annual.col, annual.unit) : findLabeled(rows, segment.start, headerIndex, re)
  const totalCell = find(LABEL.budget)
  if (!totalCell) {
    const line = rows[headerIndex]?.line ?? null
    fail(failure(`项目「${name}」缺少预算数`, `project ${name} has no 预算数 (budget)`, line, '“预算数”后的单元格写明金额，如 3.00', { project: name, field: '预算数' }))
    return null
  }
  // `资金情况（万元）` / `项目资金（万元）`: a unit in a label cell of the budget's row.
  const rowUnit = rows[totalCell.rowIndex]?.cells.map((cell) => /\((万元|元)\)$/.exec(normalizeLabel(cell))?.[1]).find((u) => u !== undefined)
  const declared = totalCell.unit ?? ctx.unitAt[totalCell.rowIndex] ?? (rowUnit === undefined ? null : moneyUnitOfWord(rowUnit))
  if (declared === null) {
    warn('单位', `项目「${name}」未写金额单位（单位：万元 / 元），按万元读取`)
  }
  const unit: MoneyUnit = declared ?? 'wan'

  const total = totalCell.value === '' ? null : readAmount(totalCell, unit)
  if (total === null) {
    fail(failure(
      `项目「${name}」的${totalCell.label}「${totalCell.value}」不是金额数字`,
      `budget of project ${name} is not a number: "${totalCell.value}"`,
      totalCell.line,
      `预算数为数字，如 ${unit === 'wan' ? '3.00（万元）' : '30,000.00（元）'}`,
      { project: name, field: '预算数' },
    ))
  }

  const parts: Array<{ re: RegExp; field: string }> = [
    { re: LABEL.fiscal, field: '其中：财政资金' },
    { re: LABEL.other, field: '其他资金' },
  ]
  const amounts: Array<Fen | null> = []
  let isSplitReadable = true
  for (const { re, field } of parts) {
    const cell = find(re)
    if (!cell || cell.value === '') {
      amounts.push(null)
      continue
    }
    const amount = readAmount(cell, cell.unit ?? unit)
    if (amount === null) {
      fail(failure(
        `项目「${name}」的${cell.label}「${cell.value}」不是金额数字`,
        `${field} of project ${name} is not a number: "${cell.value}"`,
        cell.line,
        `${field}为数字或留空`,
        { project: name, field },
      ))
      isSplitReadable = false
    }
    amounts.push(amount)
  }
  if (total === null || !isSplitReadable) return null
  const [fiscal = null, other = null] = amounts
  if (fiscal === null && other === null) {
    warn('其中：财政资金', `项目「${name}」未填“其中：财政资金 / 其他资金”，资金来源未拆分`)
  } else if ((fiscal ?? 0) + (other ?? 0) !== total) {
    warn('其中：财政资金', `项目「${name}」的财政资金与其他资金之和不等于预算数，请核对`)
  }
  return { split: { total, fiscal, other }, unit, rowIndex: totalCell.rowIndex }
}

const ANNUAL_TOTAL = /^年度(资金总额|预算数|资金)$/
const MULTI_YEAR_TOTAL = /^(中期|长期|总)(资金总额|预算数|资金)$/

/** The 年度资金总额 column of a header row that also has a 中期资金总额 one, with the unit its row states. */
function annualBudgetColumn(rows: readonly SourceRow[], from: number, to: number): { rowIndex: number; col: number; unit: MoneyUnit | null } | null {
  for (let i = from; i < to; i++) {
    const cells = rows[i]?.cells ?? []
    const col = cells.findIndex((cell) => ANNUAL_TOTAL.test(labelOf(cell)))
    if (col !== -1 && cells.some((cell) => MULTI_YEAR_TOTAL.test(labelOf(cell)))) {
      const unit = cells.map((cell) => /\((万元|元)\)$/.exec(normalizeLabel(cell))?.[1]).find((u) => u !== undefined)
      return { rowIndex: i, col, unit: unit === undefined ? null : moneyUnitOfWord(unit) }
    }
  }
  return null
}

/** The cell in column `col` of the first row in [from, to) with a cell before it labeled `re`. */
function findInColumn(rows: readonly SourceRow[], from: number, to: number, re: RegExp, col: number, unit: MoneyUnit | null): Found | null {
  for (let i = from; i < to; i++) {
    const row = rows[i]
    if (!row || row.kind !== 'cells') continue
    const labelCol = row.cells.findIndex((cell, j) => j < col && re.test(labelOf(cell)))
    if (labelCol === -1) continue
    const label = row.cells[labelCol] ?? ''
    return { value: (row.cells[col] ?? '').trim(), label: label.trim(), rowIndex: i, line: row.cellLines[col] ?? row.line, unit }
  }
  return null
}

/** An amount cell in the given unit; a `万元`/`元` written in the cell wins. */
function readAmount(cell: Found, unit: MoneyUnit): Fen | null {
  const text = normalizeLabel(cell.value)
  const match = /^(.*?)(万元|元)$/.exec(text)
  if (match) return parseMoney(match[1] ?? '', moneyUnitOfWord(match[2]))
  return parseMoney(text, unit)
}

/** The 资金用途 text of rows [from, to), '' when there is none. */
export function readPurpose(rows: readonly SourceRow[], from: number, to: number, budgetRow: number): string {
  const labeled = findLabeled(rows, from, to, LABEL.purpose)
  if (labeled && labeled.value !== '' && !isLabel(labeled.value)) return labeled.value
  // The seed's 预算规模及资金用途 is a merged label: the purpose is the unlabeled row below
  // the budget row.
  const next = rows[budgetRow + 1]
  if (!next || next.kind !== 'cells' || budgetRow + 1 >= to) return ''
  if (next.cells.some((cell) => isLabel(cell) && !/资金用途$/.test(labelOf(cell)))) return ''
  return next.cells.filter((cell) => cell !== '' && !/资金用途$/.test(labelOf(cell))).join('\n')
}
