/**
 * Layout helpers of the 监控表 workbook: bordered (merged) boxes, titles, the status and
 * sign-off lines, A4 page setup, and width / height estimates for CJK text so that headers
 * break only where we put a line break (LibreOffice and Excel wrap CJK between any two
 * characters, so a header that does not fit its column would break mid-word).
 *
 * Types only from exceljs: the library itself is loaded by the caller on export.
 */
import type { Alignment, Borders, PaperSize, Worksheet } from 'exceljs'
import { roundStatusLine, type MonitoringWorkbookInput } from '@/domain/monitoringWorkbook'
import { SIGN_OFF_LABELS, type SignOff } from '@/domain/signOff'

export const FONT = '宋体'
export const FONT_SIZE = 10
const THIN = { style: 'thin' } as const
export const BOX: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN }
export const CENTER: Partial<Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true }
export const LEFT: Partial<Alignment> = { horizontal: 'left', vertical: 'middle', wrapText: true, indent: 1 }
export const HEADER_FILL = 'FFEEF2F6'
/** Fill of a cell whose figures changed after 报送 (报送后有变动). */
export const CHANGED_FILL = 'FFFCE8D5'

export type CellValue = string | number | null

export interface CellStyle {
  readonly numFmt?: string
  readonly isBold?: boolean
  readonly align?: Partial<Alignment>
  readonly fill?: string
  readonly size?: number
}

/** Writes a value into a (merged) range with a border on every cell, as a hand-made table has. */
export function box(ws: Worksheet, top: number, left: number, bottom: number, right: number, value: CellValue, style: CellStyle = {}): void {
  if (bottom > top || right > left) ws.mergeCells(top, left, bottom, right)
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      const cell = ws.getCell(r, c)
      cell.border = BOX
      cell.font = { name: FONT, size: style.size ?? FONT_SIZE, bold: style.isBold === true }
      cell.alignment = style.align ?? CENTER
      if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: style.fill } }
    }
  }
  const master = ws.getCell(top, left)
  if (value !== null) master.value = value
  if (style.numFmt && value !== null) master.numFmt = style.numFmt
}

/** A bold, shaded header box; `\n` in the text marks where it may break. */
export function header(ws: Worksheet, top: number, left: number, bottom: number, right: number, text: string): void {
  box(ws, top, left, bottom, right, text, { isBold: true, fill: HEADER_FILL })
}

/** A line of text across columns first..last of row `r`, without borders. */
export function line(ws: Worksheet, r: number, first: number, last: number, text: string, style: CellStyle = {}): void {
  if (last > first) ws.mergeCells(r, first, r, last)
  const cell = ws.getCell(r, first)
  cell.value = text
  cell.font = { name: FONT, size: style.size ?? FONT_SIZE, bold: style.isBold === true }
  cell.alignment = style.align ?? LEFT
}

const isWide = (ch: string) => /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u3000-\u303f]/.test(ch)

/**
 * Width of a text line in Excel column units (the width of "0" in the default font) at `size`
 * points: a CJK character is about two units at 11 pt (a full em), a Latin one about one.
 */
export function textUnits(text: string, size = FONT_SIZE): number {
  let units = 0
  for (const ch of text) units += isWide(ch) ? 2 : ch === '√' ? 1.6 : 1.1
  return (units * size) / 11
}

/** The column width that holds every line of `texts` without wrapping, plus padding. */
export function widthFor(texts: readonly string[], size = FONT_SIZE, min = 4): number {
  const widest = Math.max(0, ...texts.flatMap((t) => t.split('\n')).map((t) => textUnits(t, size)))
  return Math.max(min, Math.ceil((widest + 1.6) * 2) / 2)
}

/**
 * Sets the column widths. exceljs leaves out a column of width exactly 9 (its default) from the
 * file, and Excel / LibreOffice then show it at their own default of 8.43: nudge it.
 */
export function setWidths(ws: Worksheet, widths: readonly number[]): void {
  ws.columns = widths.map((width) => ({ width: width === 9 ? 9.1 : width }))
}

/** Lines a text takes in a box `width` units wide (explicit breaks, then wrapping). */
export function linesIn(text: string, width: number, size = FONT_SIZE): number {
  const usable = Math.max(1, width - 2.2)
  return text.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(textUnits(part, size) / usable)), 0)
}

/** Row height in points for `lines` lines of text at `size` points. */
export function heightFor(lines: number, size = FONT_SIZE): number {
  return Math.max(18, Math.ceil(lines * size * 1.35 + 6))
}

/** Sum of the widths of columns first..last (1-based) of a width list. */
export function spanWidth(widths: readonly number[], first: number, last: number): number {
  return widths.slice(first - 1, last).reduce((a, b) => a + b, 0)
}

/** Sets row `r` tall enough for each (text, first, last) box given, at least `min` points. */
export function fitRow(ws: Worksheet, r: number, widths: readonly number[], cells: readonly (readonly [string, number, number])[], min = 18, size = FONT_SIZE): void {
  const lines = Math.max(1, ...cells.map(([text, first, last]) => linesIn(text, spanWidth(widths, first, last), size)))
  ws.getRow(r).height = Math.max(min, heightFor(lines, size))
}

/** Title (row 1), subtitle (row 2) and the status line 已报送（date） / 草稿 (row 3) of a sheet. */
export function titleRows(ws: Worksheet, lastColumn: number, text: string, subtitle: string, input: MonitoringWorkbookInput): void {
  ws.mergeCells(1, 1, 1, lastColumn)
  const cell = ws.getCell(1, 1)
  cell.value = text
  cell.font = { name: FONT, size: 16, bold: true }
  cell.alignment = CENTER
  ws.getRow(1).height = 30
  line(ws, 2, 1, lastColumn, subtitle, { size: 11, align: CENTER })
  ws.getRow(2).height = 20
  const status = roundStatusLine(input.reportedOn)
  line(ws, 3, 1, lastColumn, status, { size: 12, isBold: true, align: { horizontal: 'right', vertical: 'middle' } })
  ws.getCell(3, 1).font = { name: FONT, size: 12, bold: true, color: { argb: input.reportedOn ? 'FF1F6F3F' : 'FFB42318' } }
  ws.getRow(3).height = 20
}

/** The first row under the title rows. */
export const BODY_TOP = 4

/**
 * The sign-off lines from row `top`, each "label：value" (a blank value leaves a line to sign on),
 * in `slots` (column ranges) per row: 填报人 · 联系电话 · 填报日期 / 单位负责人 · 财务负责人 with three
 * slots, 填报人 · 联系电话 / 单位负责人 · 财务负责人 / 填报日期 with two. Returns the next free row.
 */
export function signOffRows(ws: Worksheet, top: number, slots: readonly (readonly [number, number])[], signOff: SignOff | undefined, date: string): number {
  const value = (text: string | undefined) => (text && text.trim() !== '' ? text.trim() : '＿＿＿＿＿＿')
  const texts = {
    preparer: `${SIGN_OFF_LABELS.preparer}：${value(signOff?.preparer)}`,
    phone: `${SIGN_OFF_LABELS.phone}：${value(signOff?.phone)}`,
    unitHead: `${SIGN_OFF_LABELS.unitHead}：${value(signOff?.unitHead)}`,
    financeHead: `${SIGN_OFF_LABELS.financeHead}：${value(signOff?.financeHead)}`,
    date: `${SIGN_OFF_LABELS.date}：${date}`,
  }
  const order =
    slots.length >= 3
      ? [[texts.preparer, texts.phone, texts.date], [texts.unitHead, texts.financeHead]]
      : [[texts.preparer, texts.phone], [texts.unitHead, texts.financeHead], [texts.date]]
  order.forEach((row, i) => {
    row.forEach((text, j) => {
      const [first, last] = slots[j] ?? slots[slots.length - 1] ?? [1, 1]
      line(ws, top + i, first, last, text, { size: 11, align: { horizontal: 'left', vertical: 'middle' } })
    })
    ws.getRow(top + i).height = 24
  })
  return top + order.length
}

/** Three sign-off slots over columns 1..lastColumn. */
export function thirds(lastColumn: number): readonly (readonly [number, number])[] {
  const step = Math.floor(lastColumn / 3)
  return [[1, step], [step + 1, 2 * step], [2 * step + 1, lastColumn]]
}

/** A4 landscape, one page across, as many down as needed, with a page footer. */
export function pageSetup(ws: Worksheet, orientation: 'landscape' | 'portrait' = 'landscape'): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9 as PaperSize,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  }
  ws.headerFooter = { oddFooter: '第 &P 页，共 &N 页' }
}
