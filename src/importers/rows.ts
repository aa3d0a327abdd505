/**
 * Turns a flattened document into rows of cells, whatever the layout:
 * - "cell lines" (the seed, flattened from Word): each cell is a line starting with a tab,
 *   a blank line ends the row, a line without the tab continues the previous cell;
 * - one row per line with cells separated by `|` (markdown-ish, `---` rows skipped);
 * - one row per line with cells separated by tabs (pasted from Excel; quoted cells may
 *   span lines).
 * - cells that lost their rows (one per line ending in ` |`, or one per paragraph), and
 *   space-separated rows below a spaced header (cellStream.ts, spacedRows.ts).
 * Lines that belong to no table are kept as `text` rows (titles, headings, prose).
 */
import { paragraphCells, pipePerLineCells, rowsFromCellStream, type StreamCell } from './cellStream'
import { isLabel } from './document/labels'
import { normalizeLabel } from './normalize'
import { splitSpacedRows } from './spacedRows'


export interface SourceRow {
  readonly kind: 'cells' | 'text'
  /** Trimmed cells; a text row has exactly one. */
  readonly cells: readonly string[]
  /** 1-based line where the row starts. */
  readonly line: number
  /** 1-based line where the row ends. */
  readonly endLine: number
  /** 1-based line of each cell (they differ only in the seed's cell-line layout). */
  readonly cellLines: readonly number[]
}

const PIPE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/

/** Splits a document into table rows and text rows, with their line numbers. */
export function readRows(text: string): SourceRow[] {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n')
  const stream = streamLayout(lines)
  if (stream) return rowsFromCellStream(stream)
  // A tab right after content only happens when tabs separate cells on one line; the
  // seed's cell lines have a single leading tab each, so they never match.
  const isTabRows = lines.filter((line) => /[^\t\s]\t/.test(line)).length >= 3
  // Markdown rows are wrapped in pipes (`| a | b |`); bare ones (`a | b`) are not, and
  // there a leading pipe means an empty first cell. Most rows decide.
  const pipeLines = lines.filter((line) => line.includes('|') && !PIPE_SEPARATOR.test(line))
  const wrapped = pipeLines.filter((line) => /^\s*\|.*\|\s*$/.test(line)).length
  const splitPipes = (line: string): string[] | null => splitPipeRow(line, wrapped * 2 >= pipeLines.length)
  return isTabRows ? readTabRows(lines, splitPipes) : splitSpacedRows(readCellLines(lines, splitPipes))
}

/**
 * The cells of a document that lost its row boundaries (see cellStream.ts): most `|` lines
 * hold one cell and end in ` |`, or every paragraph stands alone between blank lines and
 * no line is a tab-led cell. Null for every other layout.
 */
function streamLayout(lines: readonly string[]): StreamCell[] | null {
  const pipeLines = lines.filter((line) => line.includes('|'))
  const perLine = pipeLines.filter((line) => /^[^|]*\|\s*$/.test(line)).length
  if (pipeLines.length >= 6 && perLine >= pipeLines.length * 0.7) return pipePerLineCells(lines)
  if (pipeLines.length >= 3 || lines.some((line) => line.startsWith('\t') || /[^\t\s]\t/.test(line))) return null
  const filled = lines.flatMap((line, index) => (line.trim() === '' ? [] : [index]))
  const alone = filled.filter((index) => (lines[index + 1] ?? '').trim() === '').length
  const labeled = filled.filter((index) => isLabel(lines[index] ?? '')).length
  return filled.length >= 8 && alone >= filled.length * 0.8 && labeled >= 2 ? paragraphCells(lines) : null
}

type PipeSplitter = (line: string) => string[] | null

function readCellLines(lines: readonly string[], splitPipeRow: PipeSplitter): SourceRow[] {
  const rows: SourceRow[] = []
  let pending: { cells: string[]; cellLines: number[]; line: number; endLine: number } | null = null
  const flush = (): void => {
    if (pending) {
      const { cells, cellLines, line, endLine } = pending
      rows.push({ kind: 'cells', cells: cells.map((c) => c.trim()), line, endLine, cellLines })
    }
    pending = null
  }
  lines.forEach((line, index) => {
    const lineNo = index + 1
    // A lone tab is an empty cell (the seed's blank 其他资金), not a row break.
    if ((line.trim() === '' && !line.startsWith('\t')) || PIPE_SEPARATOR.test(line)) {
      flush()
      return
    }
    const pipeCells = splitPipeRow(line)
    if (pipeCells) {
      flush()
      rows.push(singleLine('cells', pipeCells, lineNo))
      return
    }
    if (line.startsWith('\t')) {
      pending ??= { cells: [], cellLines: [], line: lineNo, endLine: lineNo }
      for (const cell of line.slice(1).split('\t')) {
        pending.cells.push(cell)
        pending.cellLines.push(lineNo)
      }
      pending.endLine = lineNo
      return
    }
    // Word's bookmarks mark headings: never the continuation of a cell.
    if (pending && !line.startsWith('[bookmark')) {
      const last = pending.cells.length - 1
      pending.cells[last] = `${pending.cells[last] ?? ''}\n${line}`
      pending.endLine = lineNo
      return
    }
    flush()
    rows.push(singleLine('text', [line.trim()], lineNo))
  })
  flush()
  return rows
}

function readTabRows(lines: readonly string[], splitPipeRow: PipeSplitter): SourceRow[] {
  const rows: SourceRow[] = []
  for (let index = 0; index < lines.length; index++) {
    const lineNo = index + 1
    let line = lines[index] ?? ''
    if (line.trim() === '' || PIPE_SEPARATOR.test(line)) continue
    const pipeCells = splitPipeRow(line)
    if (pipeCells) {
      rows.push(singleLine('cells', pipeCells, lineNo))
      continue
    }
    if (!line.includes('\t')) {
      rows.push(singleLine('text', [line.trim()], lineNo))
      continue
    }
    // Excel quotes a cell that holds line breaks: join lines until the quotes balance.
    while (hasOpenQuote(line) && index + 1 < lines.length) {
      index++
      line = `${line}\n${lines[index] ?? ''}`
    }
    const cells = splitTabRow(line)
    rows.push({ kind: 'cells', cells, line: lineNo, endLine: index + 1, cellLines: cells.map(() => lineNo) })
  }
  return rows
}

function singleLine(kind: SourceRow['kind'], cells: string[], line: number): SourceRow {
  return { kind, cells, line, endLine: line, cellLines: cells.map(() => line) }
}

function hasOpenQuote(line: string): boolean {
  // Excel doubles quotes inside a quoted cell, so a complete row has an even count.
  const isQuotedRow = line.split('\t').some((cell) => cell.startsWith('"'))
  return isQuotedRow && (line.match(/"/g)?.length ?? 0) % 2 === 1
}

function splitTabRow(line: string): string[] {
  const cells: string[] = []
  let current = ''
  let isQuoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] ?? ''
    if (isQuoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"'
        i++
      } else if (ch === '"') {
        isQuoted = false
      } else {
        current += ch
      }
    } else if (ch === '"' && current === '') {
      isQuoted = true
    } else if (ch === '\t') {
      cells.push(current.trim())
      current = ''
    } else {
      current += ch
    }
  }
  cells.push(current.trim())
  return cells
}

/** Cells of a `|`-separated row (leading/trailing pipes optional), or null if it is not one. */
function splitPipeRow(line: string, hasOuterPipes: boolean): string[] | null {
  if (!line.includes('|')) return null
  let body = line.trim()
  if (hasOuterPipes && body.startsWith('|')) body = body.slice(1)
  if (hasOuterPipes && body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1)
  const cells = body
    .split(/(?<!\\)\|/)
    .map((cell) => cell.replace(/\\\|/g, '|').replace(/<br\s*\/?>/gi, '\n').trim())
  return cells.length >= 2 ? cells : null
}

const SHEET_TITLE = /(绩效目标|目标申报|绩效自评|申报|执行监控)表$|^[(（]\s*\d{4}\s*年度?\s*[)）]$/

/**
 * A table row holding only a title (`2021年度部门预算项目绩效目标表` followed by empty cells,
 * as each sheet of a multi-sheet WPS/Excel copy begins) is a heading, not a cell row.
 */
export function demoteTitleRows(rows: readonly SourceRow[]): SourceRow[] {
  return rows.map((row) => {
    if (row.kind !== 'cells') return row
    const filled = row.cells.filter((cell) => cell.trim() !== '')
    const [only] = filled
    if (filled.length !== 1 || only === undefined || !SHEET_TITLE.test(normalizeLabel(only)) || isLabel(only)) return row
    return { kind: 'text', cells: [only.trim()], line: row.line, endLine: row.endLine, cellLines: [row.line] }
  })
}
