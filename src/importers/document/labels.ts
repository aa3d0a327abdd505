import type { MoneyUnit } from '../../domain/money'
import { normalizeLabel, stripParenthetical } from '../normalize'
import type { SourceRow } from '../rows'
import { headerColumns } from './columns'

/**
 * Finding fields by their labels (项目编码, 预算数, 资金支出计划 …), never by position: a
 * label is a cell of its own (`预算数 | 3.00`) or the start of one (`预算数：3.00`).
 */

export const LABEL = {
  code: /^项目(编码|代码|编号)$/,
  name: /^项目名称$/,
  budget: /^(年度|项目)?(预算数|预算金额|预算资金|预算总额|资金总额|总金额)$/,
  fiscal: /^(其中:?)?(财政资金|财政拨款|财政性资金|本级财政资金|一般公共预算资金|一般公共预算拨款|一般公共预算)$/,
  other: /^(其中:?)?其他资金$/,
  purpose: /^(资金用途|项目用途|主要用途|资金使用用途|用途)$/,
  goals: /^(年度)?(绩效目标|总体目标|项目目标|项目绩效目标)$|^年度目标$/,
  plan: /(资金支出计划|支出计划|资金使用计划|用款计划|支出进度计划)/,
  departmentName: /^(单位名称|部门名称|预算单位|预算单位名称|部门\(单位\)名称|单位\(部门\)名称|主管部门|主管部门及代码|主管部门名称)$/,
  departmentCode: /^(单位|部门|预算单位|主管部门)(编码|代码|编号)$/,
} as const

const MONEY_UNIT = /单位:(?:人民币)?(万元|元)\)?$/
/** `3月底`, `6月末`, `10月份`, `12月底前`: a 资金支出计划 checkpoint column. */
export const CHECKPOINT_CELL = /^(\d{1,2})月(?:底|末|份)?(?:前)?$/

/** A cell normalized for matching a LABEL: half-width, no spaces, no `(万元)` tail. */
export function labelOf(cell: string): string {
  return stripParenthetical(normalizeLabel(cell))
}

/** True when the cell is a field label, a checkpoint or a money-unit note rather than a value. */
export function isLabel(cell: string): boolean {
  const label = labelOf(cell)
  return (
    Object.values(LABEL).some((re) => re.test(label)) ||
    CHECKPOINT_CELL.test(label) ||
    /资金用途$/.test(label) ||
    MONEY_UNIT.test(normalizeLabel(cell))
  )
}

/** True when a cell of the row is labeled `re`, on its own or as `label：value`. */
export function hasLabel(row: SourceRow, re: RegExp): boolean {
  return row.kind === 'cells' && row.cells.some((cell) => re.test(labelOf(cell)) || re.test(inlineLabel(cell)?.label ?? ''))
}

function inlineLabel(cell: string): { label: string; value: string } | null {
  const match = /^([^:：]{2,12})[:：](.*)$/s.exec(cell.trim())
  if (!match) return null
  return { label: labelOf(match[1] ?? ''), value: (match[2] ?? '').trim() }
}

/** The money unit a `万元` / `元` word names. */
export function moneyUnitOfWord(word: string | undefined): MoneyUnit {
  return word === '元' ? 'yuan' : 'wan'
}

/** The unit a `单位：万元` note declares, or null when the text is not such a note. */
export function moneyUnitOf(text: string): MoneyUnit | null {
  const match = MONEY_UNIT.exec(normalizeLabel(text))
  return match ? moneyUnitOfWord(match[1]) : null
}

function parenUnit(cell: string): MoneyUnit | null {
  const match = /\((万元|元)\)$/.exec(normalizeLabel(cell))
  return match ? moneyUnitOfWord(match[1]) : null
}

/** True when the row starts or names a block of the table, so it cannot be an indicator or values row. */
export function isStructuralRow(row: SourceRow): boolean {
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

/** A labeled value and where it stands. */
export interface Found {
  /** The value cell, trimmed; '' when the cell is blank or missing. */
  readonly value: string
  readonly label: string
  readonly rowIndex: number
  readonly line: number
  /** A `(万元)` / `(元)` written in the label. */
  readonly unit: MoneyUnit | null
}

/**
 * The cell right after the first cell labeled `re` (or `label：value` in one cell; in a
 * text line too when `isTextToo`).
 */
export function findLabeled(rows: readonly SourceRow[], from: number, to: number, re: RegExp, isTextToo = false): Found | null {
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

/** Index of the first row in [from, to) that passes `test`, or -1. */
export function findIndex(rows: readonly SourceRow[], from: number, to: number, test: (row: SourceRow) => boolean): number {
  for (let i = from; i < to; i++) {
    const row = rows[i]
    if (row && test(row)) return i
  }
  return -1
}
