import { parseDocumentRows, type DocumentParseResult } from './document'
import { failedResult } from './document/outcome'
import type { SourceRow } from './rows'

/**
 * Word documents (.docx) in the same row model as the text layouts (rows.ts), so the
 * 绩效目标表 parser reads them with the same rules. mammoth turns the .docx into simple
 * HTML; its tables become `cells` rows, its paragraphs `text` rows. A "line" of a .docx is
 * the position of a paragraph or table row from the start of the document.
 */

interface CellDraft {
  text: string
  colspan: number
  rowspan: number
}

interface TableDraft {
  rows: CellDraft[][]
  row: CellDraft[] | null
  cell: CellDraft | null
}

const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>|<!--[\s\S]*?-->|<[!?][^>]*>|([^<]+)/g
/** Elements whose content is never document text (clipboard HTML from Word/Excel has them). */
const SKIPPED = new Set(['head', 'style', 'script', 'title', 'xml', 'template'])
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'div', 'ol', 'ul'])
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

/** Decodes the entities mammoth writes (&amp; &lt; &gt; &quot; and numeric ones). */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)))
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole
  })
}

function spanOf(attributes: string, name: 'colspan' | 'rowspan'): number {
  const match = new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attributes)
  const value = match ? Number(match[1]) : 1
  return value >= 1 ? value : 1
}

/** Cell text: paragraphs become lines, runs of blank lines and spaces are collapsed. */
function cleanCell(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n')
}

/**
 * Lays a table's rows out on its grid. A cell merged down (rowspan) leaves an empty cell
 * in the rows it covers, as Word's own text export does; a cell merged across (colspan)
 * stays one cell, so a label is always followed by its value.
 */
function layoutTable(rows: readonly CellDraft[][]): string[][] {
  const carried = new Map<number, { remaining: number; span: number }>()
  return rows.map((row) => {
    const cells: string[] = []
    let col = 0
    const emitCovered = (): void => {
      for (let cover = carried.get(col); cover; cover = carried.get(col)) {
        cells.push('')
        cover.remaining--
        if (cover.remaining === 0) carried.delete(col)
        col += cover.span
      }
    }
    for (const cell of row) {
      emitCovered()
      cells.push(cleanCell(cell.text))
      if (cell.rowspan > 1) carried.set(col, { remaining: cell.rowspan - 1, span: cell.colspan })
      col += cell.colspan
    }
    // Cells merged down at the end of the row (e.g. a 指标值确定依据 spanning rows).
    for (const start of [...carried.keys()].sort((a, b) => a - b)) {
      if (start < col) continue
      col = start
      emitCovered()
    }
    return cells
  })
}

/**
 * Reads HTML (mammoth's output of a .docx, or a table copied from Word / WPS / Excel) into
 * rows: one per table row, one text row per paragraph outside tables.
 */
export function parseHtmlTables(html: string): SourceRow[] {
  const out: SourceRow[] = []
  const tables: TableDraft[] = []
  let paragraph = ''
  const push = (kind: SourceRow['kind'], cells: string[]): void => {
    const line = out.length + 1
    out.push({ kind, cells, line, endLine: line, cellLines: cells.map(() => line) })
  }
  const flushParagraph = (): void => {
    const text = cleanCell(paragraph).replace(/\n/g, ' ')
    if (text !== '') push('text', [text])
    paragraph = ''
  }
  const appendText = (text: string): void => {
    // Nested tables are text of the outermost table's cell.
    const table = tables[0]
    if (!table) paragraph += text
    else if (table.cell) table.cell.text += text
    // Text between cells (whitespace) belongs to no cell.
  }

  let skipping: string | null = null
  for (const match of html.matchAll(TOKEN)) {
    const [, slash = '', rawTag = '', attributes = '', text] = match
    const tag = rawTag.toLowerCase()
    const isClose = slash === '/'
    if (skipping !== null) {
      if (isClose && tag === skipping) skipping = null
      continue
    }
    if (text !== undefined) {
      // Line breaks in HTML source are spaces; only <p>, <br> and rows make lines.
      appendText(decodeEntities(text.replace(/[\r\n\t ]+/g, ' ')))
      continue
    }
    if (rawTag === '') continue
    if (SKIPPED.has(tag) && !isClose && !attributes.endsWith('/')) {
      skipping = tag
      continue
    }
    const table = tables[tables.length - 1]
    // A table inside a cell is read as text of that cell (its paragraphs as lines).
    const isNested = tables.length > 1
    if (tag === 'table') {
      if (!isClose) {
        if (tables.length === 0) flushParagraph()
        tables.push({ rows: [], row: null, cell: null })
      } else if (table) {
        tables.pop()
        if (tables.length === 0) for (const cells of layoutTable(table.rows)) push('cells', cells)
        else appendText('\n')
      }
    } else if (table && isNested && (tag === 'td' || tag === 'th' || tag === 'tr')) {
      if (isClose) appendText(tag === 'tr' ? '\n' : ' ')
    } else if (table && tag === 'tr') {
      if (!isClose) table.row = []
      else if (table.row) {
        table.rows.push(table.row)
        table.row = null
      }
    } else if (table && (tag === 'td' || tag === 'th')) {
      if (!isClose) {
        table.cell = { text: '', colspan: spanOf(attributes, 'colspan'), rowspan: spanOf(attributes, 'rowspan') }
        ;(table.row ??= []).push(table.cell)
      } else table.cell = null
    } else if (tag === 'br') {
      appendText('\n')
    } else if (BLOCKS.has(tag)) {
      if (tables.length > 0) appendText('\n')
      else flushParagraph()
    }
  }
  flushParagraph()
  return out
}

/** What mammoth needs: its Node build reads `buffer`, its browser build `arrayBuffer`. */
interface MammothInput {
  readonly arrayBuffer: ArrayBuffer
  readonly buffer: Uint8Array
}

interface MammothModule {
  convertToHtml(input: MammothInput, options: { convertImage: unknown }): Promise<{ value: string }>
  images: { imgElement(convert: () => Promise<{ src: string }>): unknown }
}

/** Converts a .docx file's bytes to HTML with mammoth, loaded on first use; images are left out. */
export async function convertDocxToHtml(bytes: Uint8Array): Promise<string> {
  // Lazily loaded: mammoth (with jszip) is by far the largest dependency of this page.
  const loaded: { default?: unknown } = await import('mammoth')
  const mammoth = (loaded.default ?? loaded) as MammothModule
  const arrayBuffer = bytes.slice().buffer
  // Images would be inlined as base64 for nothing: a 绩效目标表 is read from its tables.
  const convertImage = mammoth.images.imgElement(() => Promise.resolve({ src: '' }))
  const result = await mammoth.convertToHtml({ arrayBuffer, buffer: bytes }, { convertImage })
  return result.value
}

/** Reads a .docx 部门预算绩效信息 into projects and indicators like parseDocument (money in 分); never throws. */
export async function parseDocx(bytes: Uint8Array): Promise<DocumentParseResult> {
  let html: string
  try {
    html = await convertDocxToHtml(bytes)
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause)
    return failedResult({
      message: `无法打开这个 Word 文件（${detail}）：文件可能已损坏，或不是 .docx 格式 / cannot open the .docx`,
      line: null,
      expected: '用 Word 或 WPS 另存为 .docx 后重新导入，或复制表格粘贴到文本框',
    })
  }
  return parseDocumentRows(parseHtmlTables(html))
}
