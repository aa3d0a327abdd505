/**
 * Writes the 项目支出绩效目标执行监控表 (财预〔2019〕136号) as an .xlsx workbook: a 汇总 sheet,
 * then one sheet per project laid out like the official table (merged headers, borders,
 * A4 landscape). exceljs is heavy (~1 MB), so it is imported only when a workbook is written.
 *
 * Money cells hold 万元 as numbers with two decimals shown; rates hold fractions with a % format,
 * so the numbers stay numbers for whoever sums them up in Excel.
 */
import type { Alignment, Borders, PaperSize, Workbook, Worksheet } from 'exceljs'
import { DECISION_LABELS, type MeetingDecision } from '@/domain/agenda'
import { fenToWan } from '@/domain/money'
import type { FormQuantity, FormTotal, MonitoringForm } from '@/domain/monitoringForm'
import { truncateToUnits } from '@/domain/text'
import {
  DEVIATION_REASONS,
  DEVIATION_REASON_LABELS,
  LIKELIHOOD_LABELS,
  STATUS_LABELS,
  type Fen,
  type Likelihood,
  type Month,
} from '@/domain/types'

/** What the meeting adds to the 汇总 sheet for one project. */
export interface MeetingOutcome {
  readonly decision: MeetingDecision | null
  readonly openActions: number
}

export interface MonitoringWorkbookInput {
  readonly departmentCode: string
  readonly departmentName: string
  readonly year: number
  readonly month: Month
  /** 填报日期, YYYY-MM-DD (the caller's today). */
  readonly date: string
  readonly forms: readonly MonitoringForm[]
  /** 合计 rows under the projects of the 汇总 sheet (e.g. 议程项目合计, 部门合计), in order. */
  readonly totals: readonly FormTotal[]
  /** Meeting outcomes by project id; projects without one get blank cells. */
  readonly outcomes?: ReadonlyMap<string, MeetingOutcome>
  /** The warning preset the statuses follow (thresholdsName), written on every sheet; absent = not written. */
  readonly presetName?: string
  /** 双监控不一致 lines by project id (describeMismatch), written under the form; absent = none. */
  readonly mismatches?: ReadonlyMap<string, string>
}

const SUMMARY_SHEET = '汇总'
const MARK = '√'
const LIKELIHOODS: readonly Likelihood[] = ['certain', 'possible', 'impossible']
const MONEY_FORMAT = '#,##0.00'
const RATE_FORMAT = '0.00%'
const DEVIATION_FORMAT = '+0.00;-0.00;0.00'
const THIN = { style: 'thin' } as const
const BOX: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN }
const CENTER: Partial<Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true }
const LEFT: Partial<Alignment> = { horizontal: 'left', vertical: 'middle', wrapText: true }
const FONT = '宋体'

type CellValue = string | number | null

interface CellStyle {
  readonly numFmt?: string
  readonly isBold?: boolean
  readonly align?: Partial<Alignment>
  readonly fill?: string
}

/** Writes a value into a (merged) range with a border on every cell, as a hand-made table has. */
function box(ws: Worksheet, top: number, left: number, bottom: number, right: number, value: CellValue, style: CellStyle = {}): void {
  if (bottom > top || right > left) ws.mergeCells(top, left, bottom, right)
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      const cell = ws.getCell(r, c)
      cell.border = BOX
      cell.font = { name: FONT, size: 10, bold: style.isBold === true }
      cell.alignment = style.align ?? CENTER
      if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: style.fill } }
    }
  }
  const master = ws.getCell(top, left)
  if (value !== null) master.value = value
  if (style.numFmt && value !== null) master.numFmt = style.numFmt
}

const header = (ws: Worksheet, top: number, left: number, bottom: number, right: number, text: string) =>
  box(ws, top, left, bottom, right, text, { isBold: true, fill: 'FFEEF2F6' })

/** 万元 for a cell; the division is for display in Excel, sums are made in 分 beforehand. */
function wan(fen: Fen | null): number | null {
  return fen === null ? null : fenToWan(fen)
}

function rate(percent: number | null): number | null {
  return percent === null ? null : percent / 100
}

/** A number format that shows the unit after the value: 63 → "63件", 98.5 → "98.5%". */
export function quantityFormat(q: FormQuantity): string {
  const unit = q.unit.replace(/"/g, '')
  const digits = Number.isInteger(q.value) ? '0' : '0.0#'
  return unit === '' ? digits : `${digits}"${unit}"`
}

function title(ws: Worksheet, lastColumn: number, text: string, subtitle: string): void {
  ws.mergeCells(1, 1, 1, lastColumn)
  ws.getCell(1, 1).value = text
  ws.getCell(1, 1).font = { name: FONT, size: 16, bold: true }
  ws.getCell(1, 1).alignment = CENTER
  ws.mergeCells(2, 1, 2, lastColumn)
  ws.getCell(2, 1).value = subtitle
  ws.getCell(2, 1).font = { name: FONT, size: 11 }
  ws.getCell(2, 1).alignment = CENTER
  ws.getRow(1).height = 30
}

function pageSetup(ws: Worksheet): void {
  // fitToHeight 0: as many pages down as needed, one page across.
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9 as PaperSize,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  }
  ws.headerFooter = { oddFooter: '第 &P 页，共 &N 页' }
}

/** Column widths of a project sheet: A 标签, B–D 指标, E–G values, H–O marks, P 原因说明, Q 备注. */
const FORM_WIDTHS = [10, 11, 11, 18, 12, 13, 13, 6.5, 6.5, 6.5, 6.5, 6.5, 6.5, 6.5, 7.5, 28, 20]
const FORM_COLUMNS = FORM_WIDTHS.length

function writeFunding(ws: Worksheet, form: MonitoringForm, top: number): number {
  const m = form.month
  box(ws, top, 1, top + 3, 1, '项目资金（万元）', { isBold: true })
  header(ws, top, 2, top, 4, '')
  header(ws, top, 5, top, 5, '年初预算数')
  header(ws, top, 6, top, 6, '年度预算调整')
  header(ws, top, 7, top, 7, '调整后预算数')
  header(ws, top, 8, top, 10, `1–${m}月执行数`)
  header(ws, top, 11, top, 12, `1–${m}月执行率`)
  header(ws, top, 13, top, 15, '全年预计执行数')
  header(ws, top, 16, top, 17, '备注')
  form.funding.forEach((row, i) => {
    const r = top + 1 + i
    box(ws, r, 2, r, 4, row.label, { align: LEFT })
    box(ws, r, 5, r, 5, wan(row.initialBudget), { numFmt: MONEY_FORMAT })
    box(ws, r, 6, r, 6, wan(row.adjustment), { numFmt: MONEY_FORMAT })
    box(ws, r, 7, r, 7, wan(row.budget), { numFmt: MONEY_FORMAT })
    box(ws, r, 8, r, 10, wan(row.executed), { numFmt: MONEY_FORMAT })
    box(ws, r, 11, r, 12, rate(row.executionRate), { numFmt: RATE_FORMAT })
    box(ws, r, 13, r, 15, wan(row.forecast), { numFmt: MONEY_FORMAT })
    box(ws, r, 16, r, 17, row.remark, { align: LEFT })
  })
  return top + 4
}

function writeGoals(ws: Worksheet, form: MonitoringForm, top: number): number {
  box(ws, top, 1, top + 1, 1, '年度总体目标', { isBold: true })
  header(ws, top, 2, top, 8, '全年预期目标')
  header(ws, top, 9, top, 17, `1–${form.month}月执行情况`)
  const goals = form.goals.map((goal, i) => `${i + 1}. ${goal}`).join('\n')
  box(ws, top + 1, 2, top + 1, 8, goals, { align: LEFT })
  box(ws, top + 1, 9, top + 1, 17, form.progress, { align: LEFT })
  ws.getRow(top + 1).height = Math.max(45, 15 * form.goals.length + 6)
  return top + 2
}

function writeIndicators(ws: Worksheet, form: MonitoringForm, top: number): number {
  const first = top + 2
  const last = first + Math.max(form.indicators.length, 1) - 1
  box(ws, top, 1, last, 1, '绩效指标', { isBold: true })
  header(ws, top, 2, top + 1, 2, '一级指标')
  header(ws, top, 3, top + 1, 3, '二级指标')
  header(ws, top, 4, top + 1, 4, '三级指标')
  header(ws, top, 5, top + 1, 5, '年度指标值')
  header(ws, top, 6, top + 1, 6, `1–${form.month}月执行情况`)
  header(ws, top, 7, top + 1, 7, '全年预计完成情况')
  header(ws, top, 8, top, 12, '偏差原因分析')
  DEVIATION_REASONS.forEach((reason, i) => header(ws, top + 1, 8 + i, top + 1, 8 + i, DEVIATION_REASON_LABELS[reason]))
  header(ws, top, 13, top, 15, '完成目标可能性')
  LIKELIHOODS.forEach((l, i) => header(ws, top + 1, 13 + i, top + 1, 13 + i, LIKELIHOOD_LABELS[l]))
  header(ws, top, 16, top + 1, 16, '原因说明')
  header(ws, top, 17, top + 1, 17, '备注')
  ws.getRow(top + 1).height = 30
  // The note's reasons and explanation are the project's, so they span all its indicator rows.
  DEVIATION_REASONS.forEach((reason, i) =>
    box(ws, first, 8 + i, last, 8 + i, form.reasons.includes(reason) ? MARK : ''),
  )
  box(ws, first, 16, last, 16, form.explanation, { align: LEFT })
  if (form.indicators.length === 0) {
    box(ws, first, 2, first, 7, '（无绩效指标）')
    LIKELIHOODS.forEach((_, i) => box(ws, first, 13 + i, first, 13 + i, ''))
    box(ws, first, 17, first, 17, '')
  }
  form.indicators.forEach((row, i) => {
    const r = first + i
    box(ws, r, 2, r, 2, row.level1)
    box(ws, r, 3, r, 3, row.level2)
    box(ws, r, 4, r, 4, row.name, { align: LEFT })
    box(ws, r, 5, r, 5, row.target)
    box(ws, r, 6, r, 6, row.actual?.value ?? row.actualText, row.actual ? { numFmt: quantityFormat(row.actual) } : {})
    box(ws, r, 7, r, 7, row.forecast?.value ?? row.forecastText, row.forecast ? { numFmt: quantityFormat(row.forecast) } : {})
    LIKELIHOODS.forEach((l, j) => box(ws, r, 13 + j, r, 13 + j, row.likelihood === l ? MARK : ''))
    box(ws, r, 17, r, 17, row.remark, { align: LEFT })
    ws.getRow(r).height = 30
  })
  return last + 1
}

function writeFootnote(ws: Worksheet, form: MonitoringForm, input: MonitoringWorkbookInput, top: number): void {
  const likelihood = form.likelihood === null ? '未评定' : LIKELIHOOD_LABELS[form.likelihood]
  const lines = [
    `项目整体完成目标可能性：${likelihood}（${form.isLikelihoodConfirmed ? '已确认' : '系统按全年预计测算，待确认'}）；状态：${STATUS_LABELS[form.status]}。`,
    form.actions === '' ? '' : `整改措施：${form.actions}`,
    '说明：偏差原因分析、完成目标可能性在对应栏打“√”；项目的完成目标可能性已确认时即为各指标的判断（备注“按项目确认”），否则为系统按全年预计测算（备注“系统测算”）。金额单位：万元。',
    `填报单位：${form.departmentCode} ${form.departmentName}　　填报日期：${input.date}`,
    input.mismatches?.get(form.projectId) ?? '',
    input.presetName === undefined ? '' : `红黄绿判定：${input.presetName}`,
  ].filter((line) => line !== '')
  ws.mergeCells(top, 1, top, FORM_COLUMNS)
  const cell = ws.getCell(top, 1)
  cell.value = lines.join('\n')
  cell.font = { name: FONT, size: 9 }
  cell.alignment = LEFT
  ws.getRow(top).height = 15 * lines.length + 6
}

function writeProjectSheet(wb: Workbook, name: string, form: MonitoringForm, input: MonitoringWorkbookInput): void {
  const ws = wb.addWorksheet(name)
  ws.columns = FORM_WIDTHS.map((width) => ({ width }))
  pageSetup(ws)
  title(ws, FORM_COLUMNS, '项目支出绩效目标执行监控表', `（${form.year}年度　1–${form.month}月）`)
  box(ws, 3, 1, 3, 1, '项目名称', { isBold: true })
  box(ws, 3, 2, 3, 8, form.projectName, { align: LEFT })
  box(ws, 3, 9, 3, 11, '项目编码', { isBold: true })
  box(ws, 3, 12, 3, 17, form.projectCode, { align: LEFT })
  box(ws, 4, 1, 4, 1, '主管部门及代码', { isBold: true })
  box(ws, 4, 2, 4, 8, `${form.departmentName}（${form.departmentCode}）`, { align: LEFT })
  box(ws, 4, 9, 4, 11, '实施单位', { isBold: true })
  box(ws, 4, 12, 4, 17, form.departmentName, { align: LEFT })
  ws.getRow(4).height = 30
  let row = writeFunding(ws, form, 5)
  row = writeGoals(ws, form, row)
  row = writeIndicators(ws, form, row)
  writeFootnote(ws, form, input, row + 1)
  ws.pageSetup.printTitlesRow = '1:2'
}

const SUMMARY_HEADERS = [
  ['序号', 6],
  ['项目编码', 20],
  ['项目名称', 24],
  ['状态', 10],
  ['年初预算数（万元）', 12],
  ['年度预算调整（万元）', 12],
  ['调整后预算数（万元）', 12],
  ['1–m月执行数（万元）', 12],
  ['1–m月执行率', 11],
  ['计划进度', 10],
  ['偏差（个百分点）', 11],
  ['全年预计执行数（万元）', 13],
  ['完成目标可能性', 12],
  ['偏差原因', 16],
  ['会议决定', 10],
  ['未完成整改措施（项）', 11],
] as const

/** One 合计 row of the 汇总 sheet (the same columns as a project row, bold). */
function writeTotalRow(ws: Worksheet, r: number, total: FormTotal): void {
  const bold = { isBold: true }
  box(ws, r, 1, r, 4, total.label, bold)
  box(ws, r, 5, r, 5, wan(total.initialBudget), { ...bold, numFmt: MONEY_FORMAT })
  box(ws, r, 6, r, 6, wan(total.adjustment), { ...bold, numFmt: MONEY_FORMAT })
  box(ws, r, 7, r, 7, wan(total.budget), { ...bold, numFmt: MONEY_FORMAT })
  box(ws, r, 8, r, 8, wan(total.executed), { ...bold, numFmt: MONEY_FORMAT })
  box(ws, r, 9, r, 9, rate(total.executionRate), { ...bold, numFmt: RATE_FORMAT })
  box(ws, r, 10, r, 10, rate(total.planned), { ...bold, numFmt: RATE_FORMAT })
  box(ws, r, 11, r, 11, total.deviation, { ...bold, numFmt: DEVIATION_FORMAT })
  box(ws, r, 12, r, 12, wan(total.forecast), { ...bold, numFmt: MONEY_FORMAT })
  for (let c = 13; c <= SUMMARY_HEADERS.length; c++) box(ws, r, c, r, c, null)
}

function writeSummarySheet(wb: Workbook, input: MonitoringWorkbookInput): void {
  const ws = wb.addWorksheet(SUMMARY_SHEET)
  const m = input.month
  ws.columns = SUMMARY_HEADERS.map(([, width]) => ({ width }))
  pageSetup(ws)
  title(ws, SUMMARY_HEADERS.length, `${input.year}年项目支出绩效目标执行监控汇总表`, `${input.departmentName}（${input.departmentCode}）　截至${m}月底　填报日期：${input.date}${input.presetName === undefined ? '' : `　红黄绿判定：${input.presetName}`}`)
  SUMMARY_HEADERS.forEach(([label], i) => header(ws, 3, i + 1, 3, i + 1, label.replace('1–m', `1–${m}`)))
  ws.getRow(3).height = 32
  input.forms.forEach((form, i) => {
    const r = 4 + i
    const total = form.funding[0]
    const outcome = input.outcomes?.get(form.projectId)
    const reasons = form.reasons.map((reason) => DEVIATION_REASON_LABELS[reason]).join('、')
    const values: readonly (readonly [CellValue, string?])[] = [
      [i + 1],
      [form.projectCode],
      [form.projectName],
      [STATUS_LABELS[form.status]],
      [wan(total.initialBudget), MONEY_FORMAT],
      [wan(total.adjustment), MONEY_FORMAT],
      [wan(total.budget), MONEY_FORMAT],
      [wan(total.executed), MONEY_FORMAT],
      [rate(total.executionRate), RATE_FORMAT],
      [rate(form.planned), RATE_FORMAT],
      [form.deviation, DEVIATION_FORMAT],
      [wan(total.forecast), MONEY_FORMAT],
      [form.likelihood === null ? '' : LIKELIHOOD_LABELS[form.likelihood]],
      [reasons],
      [outcome?.decision ? DECISION_LABELS[outcome.decision] : ''],
      [outcome ? outcome.openActions : null, '0'],
    ]
    values.forEach(([value, numFmt], c) => box(ws, r, c + 1, r, c + 1, value, { numFmt, align: c === 2 ? LEFT : CENTER }))
  })
  input.totals.forEach((total, i) => writeTotalRow(ws, 4 + input.forms.length + i, total))
  ws.views = [{ state: 'frozen', ySplit: 3 }]
}

/** An Excel sheet name (≤ 31 characters, none of []:*?/\), unique within `taken`. */
export function sheetNameFor(name: string, taken: Set<string>): string {
  const base = truncateToUnits(name.replace(/[[\]:*?/\\]/g, '_'), 28) || '项目'
  let candidate = base
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}(${n})`
  taken.add(candidate)
  return candidate
}

/** Builds the workbook (汇总 + one sheet per form, in the given order) and returns the .xlsx bytes. */
export async function writeMonitoringWorkbook(input: MonitoringWorkbookInput): Promise<ArrayBuffer> {
  // exceljs is CommonJS in node and a UMD bundle in the browser: take the default export if any.
  const module = await import('exceljs')
  const ExcelJS = (module as unknown as { default?: typeof module }).default ?? module
  const wb = new ExcelJS.Workbook()
  wb.creator = '预算绩效监控'
  wb.title = '项目支出绩效目标执行监控表'
  writeSummarySheet(wb, input)
  const taken = new Set([SUMMARY_SHEET])
  for (const form of input.forms) writeProjectSheet(wb, sheetNameFor(form.projectName, taken), form, input)
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer
}

/** The file name of an export, e.g. 项目支出绩效目标执行监控表_2020年1-7月_315002.xlsx. */
export function monitoringWorkbookFileName(year: number, month: Month, departmentCode: string, projectName?: string): string {
  const scope = projectName ? `_${projectName.replace(/[\\/:*?"<>|]/g, '_')}` : ''
  return `项目支出绩效目标执行监控表_${year}年1-${month}月_${departmentCode}${scope}.xlsx`
}
