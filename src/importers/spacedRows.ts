import { headerColumns } from './document/columns'
import { isLabel, labelOf } from './document/labels'
import type { SourceRow } from './rows'

/**
 * Rows whose cells are separated by spaces, as the 一体化 budget systems export them:
 * `一级指标 二级指标 三级指标 指标方向 运算符 指标值 度量单位 分值` then
 * `产出指标 数量指标 出差人次 正向 = 24 人/次 4`. Read only where a header line names the
 * columns; then the lines below it are split into cells, and a line that starts with a
 * label (`项目名称 安全隐患维修`) becomes that label and its value.
 */

const FORM_LABEL = /^(主管部门|实施单位|项目属性|项目期|项目类型|项目负责人|项目单位|年度资金总额|资金总额)/

function tokens(text: string): string[] {
  return text.trim().split(/[\s\u3000]+/).filter((t) => t !== '')
}

function isFieldLabel(token: string): boolean {
  return isLabel(token) || FORM_LABEL.test(labelOf(token))
}

function cellsOf(row: SourceRow, cells: readonly string[]): SourceRow {
  return { kind: 'cells', cells, line: row.line, endLine: row.endLine, cellLines: cells.map(() => row.line) }
}

/** `项目名称 安全隐患维修 主管部门 XX局` → label, value, label, value (values keep their spaces). */
function labelCells(parts: readonly string[]): string[] {
  const cells: string[] = []
  let value: string[] | null = null
  for (const part of parts) {
    if (isFieldLabel(part)) {
      if (value) cells.push(value.join(' '))
      cells.push(part)
      value = []
    } else {
      value ??= []
      value.push(part)
    }
  }
  if (value) cells.push(value.join(' '))
  return cells
}

/** A spaced header row's columns, or null when the line is not one. */
function spacedHeader(row: SourceRow): string[] | null {
  if (row.kind !== 'text') return null
  const parts = tokens(row.cells[0] ?? '')
  return parts.length >= 4 && headerColumns(cellsOf(row, parts)) !== null ? parts : null
}

/** The rows with space-separated text lines split into cells; unchanged when no spaced header exists. */
export function splitSpacedRows(rows: readonly SourceRow[]): SourceRow[] {
  if (!rows.some((row) => spacedHeader(row) !== null)) return [...rows]
  let header: string[] | null = null
  return rows.map((row) => {
    if (row.kind !== 'text') {
      header = null
      return row
    }
    const own = spacedHeader(row)
    if (own) {
      header = own
      return cellsOf(row, own)
    }
    const parts = tokens(row.cells[0] ?? '')
    if (parts.length >= 2 && isFieldLabel(parts[0] ?? '')) {
      header = null
      return cellsOf(row, labelCells(parts))
    }
    if (header && parts.length >= 3) {
      const columns = headerColumns(cellsOf(row, header))
      const extra = parts.length - header.length
      if (extra <= 0 || !columns) return cellsOf(row, parts)
      // More words than columns: the free-text column (描述, else 三级指标) had spaces.
      const col = columns.description ?? columns.name ?? 0
      const shift = Math.max(0, col - (header.length - parts.length + extra))
      return cellsOf(row, [...parts.slice(0, shift), parts.slice(shift, shift + extra + 1).join(' '), ...parts.slice(shift + extra + 1)])
    }
    header = null
    return row
  })
}
