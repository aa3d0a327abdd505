import type { SourceRow } from './rows'

/**
 * Excel workbooks (.xlsx) in the same row model as the text layouts and .docx (rows.ts):
 * one list of rows per worksheet, a "line" being the sheet's own row number. Cells are read
 * as Excel shows them: a number formatted as a percentage as `98%`, a fixed number of
 * decimals kept, rich-text runs joined, formulas by their result, dates as 2021-06-30.
 * A merged range is one cell: its value (in the top-left cell) once, and in the rows it
 * covers below an empty cell, as Word's merged cells read. exceljs is loaded on first use.
 */

export interface SheetRows {
  readonly name: string
  readonly rows: readonly SourceRow[]
}

interface CellLike {
  readonly value: unknown
  readonly numFmt?: string
  readonly isMerged: boolean
  readonly master: CellLike
  readonly row: number | string
  readonly col: number | string
}

interface SheetLike {
  readonly name: string
  readonly rowCount: number
  readonly columnCount: number
  readonly state?: string
  getCell(row: number, col: number): CellLike
}

interface WorkbookLike {
  readonly worksheets: readonly SheetLike[]
  readonly xlsx: { load(data: ArrayBuffer): Promise<unknown> }
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/**
 * A number as its format shows it: `0%` → 98%, `0.00` → 20.00; otherwise without float
 * noise. A percentage the format would round (0.995 under `0%`) keeps its digits: 99.5%.
 */
export function formatNumber(value: number, numFmt: string | undefined): string {
  const format = numFmt ?? ''
  const decimals = /0\.(0+)/.exec(format)?.[1]?.length ?? 0
  if (format.includes('%')) {
    const percent = Number((value * 100).toPrecision(12))
    const shown = percent.toFixed(decimals)
    return `${Number(shown) === percent ? shown : String(percent)}%`
  }
  if (/0\.0/.test(format)) return value.toFixed(decimals)
  return String(Number(value.toPrecision(15)))
}

/** The text of a cell value as exceljs holds it. */
export function cellText(value: unknown, numFmt?: string): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return formatNumber(value, numFmt)
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text?: string }>; result?: unknown; text?: unknown; error?: unknown }
    if (Array.isArray(v.richText)) return v.richText.map((run) => run.text ?? '').join('')
    if ('result' in v) return cellText(v.result, numFmt)
    if ('text' in v) return cellText(v.text, numFmt)
  }
  return ''
}

/** Cell text: line breaks kept, spaces in each line collapsed. */
function clean(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n')
}

/** The rows of one worksheet, merged ranges read once. */
export function sheetRows(sheet: SheetLike): SourceRow[] {
  const rows: SourceRow[] = []
  for (let r = 1; r <= sheet.rowCount; r++) {
    const cells: string[] = []
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = sheet.getCell(r, c)
      const master = cell.isMerged ? cell.master : cell
      if (master !== cell) {
        // Covered by a merge: nothing across (the master is this row's), one blank below it.
        if (Number(master.row) === r || Number(master.col) !== c) continue
        cells.push('')
        continue
      }
      cells.push(clean(cellText(cell.value, cell.numFmt)))
    }
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop()
    if (cells.length === 0) continue
    rows.push({ kind: 'cells', cells, line: r, endLine: r, cellLines: cells.map(() => r) })
  }
  return rows
}

/** Reads an .xlsx into the rows of each visible worksheet (hidden ones are left out). */
export async function readXlsxSheets(bytes: Uint8Array): Promise<SheetRows[]> {
  // exceljs is CommonJS in node and a UMD bundle in the browser: take the default export if any.
  const module = await import('exceljs')
  const ExcelJS = (module as unknown as { default?: typeof module }).default ?? module
  const workbook = new ExcelJS.Workbook() as unknown as WorkbookLike
  await workbook.xlsx.load(bytes.slice().buffer)
  return workbook.worksheets
    .filter((sheet) => sheet.state === undefined || sheet.state === 'visible')
    .map((sheet) => ({ name: sheet.name, rows: sheetRows(sheet) }))
}
