import { columnOf, headerColumns, type ColumnMap } from './document/columns'
import { CHECKPOINT_CELL, isLabel, labelOf } from './document/labels'
import type { SourceRow } from './rows'

/**
 * Layouts that lost their row boundaries, where a document is a stream of cells: one cell
 * per line ending in ` |` (a sheet saved as text by some converters), or one cell per
 * paragraph with blank lines between (a table copied out of a web page). Rows are rebuilt
 * from what the cells are: a label starts a row and its values follow it; the indicator
 * header gives the width of an indicator row, which starts at the column its first cell
 * belongs to (一级 / 二级 vocabulary, else 三级指标), as merged cells appear only once.
 */

export interface StreamCell {
  readonly text: string
  readonly line: number
}

/** Labels of project forms besides those the parser reads (they start a row of their own). */
const FORM_LABEL =
  /^(主管部门|实施单位|项目属性|项目期|项目类型|项目负责人|联系电话|项目实施单位|填报单位|项目起止时间|项目资金|资金情况|单位职能概述|项目概况|项目立项|长期目标|中期目标|年度目标|绩效指标|项目单位)/
const TITLE = /(绩效目标|目标申报|绩效自评|申报|执行监控)表$|^[(（]\s*\d{4}\s*年度?\s*[)）]$/
const LEVEL1 = /^(产出|效益|效果|满意度|成本)指标/
const LEVEL2 = /^(数量|质量|时效|成本|经济效益|社会效益|生态效益|环境效益|可持续影响|服务对象满意度|社会公众满意度|满意度)指标/

function isRowStart(text: string): boolean {
  const label = labelOf(text)
  return isLabel(text) || FORM_LABEL.test(label)
}

function isTitle(text: string): boolean {
  return TITLE.test(labelOf(text)) && !isLabel(text)
}

function cellsRow(cells: readonly StreamCell[]): SourceRow {
  const first = cells[0]?.line ?? 1
  const last = cells[cells.length - 1]?.line ?? first
  return { kind: 'cells', cells: cells.map((c) => c.text), line: first, endLine: last, cellLines: cells.map((c) => c.line) }
}

type Header = { readonly width: number; readonly columns: ColumnMap }

/** A header cell: a known column, or another 指标值 column (中期指标值) or 备注. */
function isHeaderCell(text: string): boolean {
  return columnOf(text) !== null || /(指标值|实现值|目标值)$|^备注$/.test(labelOf(text))
}

/** The run of header cells from `start` when it is an indicator header, or null. */
function headerAt(cells: readonly StreamCell[], start: number): Header | null {
  let end = start
  while (end < cells.length && isHeaderCell(cells[end]?.text ?? '')) end++
  if (end - start < 2) return null
  const columns = headerColumns(cellsRow(cells.slice(start, end)))
  return columns ? { width: end - start, columns } : null
}

/** Rows rebuilt from a stream of cells. */
export function rowsFromCellStream(cells: readonly StreamCell[]): SourceRow[] {
  const rows: SourceRow[] = []
  let current: StreamCell[] = []
  let isCheckpoints = false
  let table: Header | null = null
  const flush = (): void => {
    if (current.length > 0) rows.push(cellsRow(current))
    current = []
    isCheckpoints = false
  }
  let i = 0
  while (i < cells.length) {
    const cell = cells[i] as StreamCell
    const label = labelOf(cell.text)
    if (isTitle(cell.text)) {
      flush()
      rows.push({ kind: 'text', cells: [cell.text], line: cell.line, endLine: cell.line, cellLines: [cell.line] })
      i++
      continue
    }
    const header = headerAt(cells, i)
    if (header) {
      flush()
      rows.push(cellsRow(cells.slice(i, i + header.width)))
      table = header
      i += header.width
      continue
    }
    if (table && !isRowStart(cell.text)) {
      // An indicator row: it starts at the column its first cell belongs to.
      const { columns, width } = table
      const start = cell.text === '' ? 0 : LEVEL1.test(label) ? (columns.level1 ?? 0) : LEVEL2.test(label) ? (columns.level2 ?? 0) : (columns.name ?? 0)
      const taken: StreamCell[] = []
      while (i < cells.length && taken.length < width - start) {
        const next = cells[i] as StreamCell
        if (taken.length > 0 && (isRowStart(next.text) || isTitle(next.text) || headerAt(cells, i))) break
        taken.push(next)
        i++
      }
      const pad = Array.from({ length: start }, () => ({ text: '', line: cell.line }))
      rows.push(cellsRow([...pad, ...taken]))
      continue
    }
    table = null
    const isCheckpoint = CHECKPOINT_CELL.test(label)
    if (isRowStart(cell.text) || (isCheckpoint && !isCheckpoints) || (!isCheckpoint && isCheckpoints) || current.length === 0) {
      flush()
      isCheckpoints = isCheckpoint
    }
    current.push(cell)
    i++
  }
  flush()
  return rows
}

/** One cell per line ending in ` |` (a lone `|` is an empty cell); lines without it continue the cell. */
export function pipePerLineCells(lines: readonly string[]): StreamCell[] {
  const cells: StreamCell[] = []
  let pending: { text: string; line: number } | null = null
  lines.forEach((line, index) => {
    const trimmed = line.trim()
    if (trimmed === '' && pending === null) return
    const isEnd = /\|\s*$/.test(line)
    const text = trimmed.replace(/\s*\|\s*$/, '')
    if (pending === null) pending = { text, line: index + 1 }
    else pending.text = `${pending.text}\n${text}`
    if (isEnd) {
      cells.push({ text: pending.text.trim(), line: pending.line })
      pending = null
    }
  })
  if (pending !== null) cells.push({ text: (pending as { text: string }).text.trim(), line: (pending as { line: number }).line })
  return cells
}

/** One cell per paragraph, paragraphs separated by blank lines. */
export function paragraphCells(lines: readonly string[]): StreamCell[] {
  const cells: StreamCell[] = []
  let pending: { text: string; line: number } | null = null
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      if (pending) cells.push(pending)
      pending = null
      return
    }
    if (pending) pending.text = `${pending.text}\n${line.trim()}`
    else pending = { text: line.trim(), line: index + 1 }
  })
  if (pending) cells.push(pending)
  return cells
}
