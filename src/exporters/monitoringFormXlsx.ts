/**
 * Writes the 项目支出绩效目标执行监控表 (财预〔2019〕136号) of one department's round as an .xlsx
 * workbook: 汇总, one sheet per project laid out like the official table (per-indicator rows
 * with their own 偏差原因 / 完成目标可能性 ticks, 原因说明 and 备注; merged headers, borders,
 * A4 landscape), then 整改清单 and 会议纪要 when the input has them. Every sheet carries the
 * round's status line (已报送（date） or 草稿) and the sheets that are handed in the sign-off
 * block. exceljs is heavy (~1 MB), so it is imported only when a workbook is written.
 *
 * Money cells hold 万元 as numbers with two decimals shown; rates hold fractions with a % format,
 * so the numbers stay numbers for whoever sums them up in Excel.
 *
 * The input (MonitoringWorkbookInput) is built by buildMonitoringWorkbookInput in
 * src/domain/monitoringWorkbook.ts; it is re-exported here for callers such as the meeting pack.
 */
import type { Workbook, Worksheet } from 'exceljs'
import { DECISION_LABELS } from '@/domain/agenda'
import { fenToWan } from '@/domain/money'
import { CHANGED_AFTER_REPORT, describeChanges, isSpendChange, type FormQuantity, type FormTotal, type MonitoringForm } from '@/domain/monitoringForm'
import type { MonitoringWorkbookInput } from '@/domain/monitoringWorkbook'
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
import { writeActionSheet, writeMinutesSheet } from './meetingSheetsXlsx'
import {
  BODY_TOP,
  box,
  CHANGED_FILL,
  fitRow,
  header,
  LEFT,
  line,
  pageSetup,
  setWidths,
  signOffRows,
  thirds,
  titleRows,
  widthFor,
  type CellValue,
} from './xlsxLayout'

export type { ActionListRow, MeetingOutcome, MinutesSheet, MonitoringWorkbookInput } from '@/domain/monitoringWorkbook'

const SUMMARY_SHEET = '汇总'
const MARK = '√'
const LIKELIHOODS: readonly Likelihood[] = ['certain', 'possible', 'impossible']
const MONEY_FORMAT = '#,##0.00'
const RATE_FORMAT = '0.00%'
const DEVIATION_FORMAT = '+0.00;-0.00;0.00'

/** Tick column headers, broken between words (a narrow column would otherwise break 硬件条|件保障). */
const REASON_HEADERS: Readonly<Record<(typeof DEVIATION_REASONS)[number], string>> = {
  funding: '经费\n保障',
  institution: '制度\n保障',
  staffing: '人员\n保障',
  facilities: '硬件\n条件\n保障',
  other: '其他',
}
const LIKELIHOOD_HEADERS: Readonly<Record<Likelihood, string>> = { certain: '确定能', possible: '有可能', impossible: '完全\n不可能' }

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

/** Project sheet columns: A 标签, B–D 指标, E–G values, H–L 偏差原因, M–O 可能性, P 原因说明, Q 备注. */
const FORM_COLUMNS = 17
const REASON_COLUMN = 8
const LIKELIHOOD_COLUMN = 13

function formWidths(form: MonitoringForm): number[] {
  const m = form.month
  const names = form.indicators
  const capped = (texts: string[], min: number, max: number) => Math.min(max, widthFor(texts, 10, min))
  return [
    widthFor(['项目名称', '年度总体', '绩效指标', '项目资金', '预算执行'], 10, 9),
    capped(['一级指标', ...names.map((r) => r.level1)], 9, 12),
    capped(['二级指标', ...names.map((r) => r.level2)], 9, 19),
    20,
    widthFor(['年度指标值', '年初预算数', ...names.map((r) => r.formTarget)], 10, 10),
    widthFor([`1–${m}月执行情况`, '年度预算调整'], 10, 11),
    widthFor(['调整后预算数', '全年预计', '完成情况', ...names.map((r) => r.forecastText)], 10, 10),
    ...DEVIATION_REASONS.map((r) => widthFor([REASON_HEADERS[r]], 10, 6)),
    ...LIKELIHOODS.map((l) => widthFor([LIKELIHOOD_HEADERS[l]], 10, 6.5)),
    28,
    36,
  ]
}

function writeFunding(ws: Worksheet, form: MonitoringForm, top: number, widths: readonly number[]): number {
  const m = form.month
  box(ws, top, 1, top + 4, 1, '项目资金\n（万元）', { isBold: true })
  header(ws, top, 2, top, 4, '')
  header(ws, top, 5, top, 5, '年初预算数')
  header(ws, top, 6, top, 6, '年度预算调整')
  header(ws, top, 7, top, 7, '调整后预算数')
  header(ws, top, 8, top, 10, `1–${m}月执行数`)
  header(ws, top, 11, top, 12, `1–${m}月执行率`)
  header(ws, top, 13, top, 15, '全年预计执行数')
  header(ws, top, 16, top, 17, '备注')
  ws.getRow(top).height = 22
  form.funding.forEach((row, i) => {
    const r = top + 1 + i
    const fill = row.remark.includes(CHANGED_AFTER_REPORT) ? CHANGED_FILL : undefined
    box(ws, r, 2, r, 4, row.label, { align: LEFT })
    box(ws, r, 5, r, 5, wan(row.initialBudget), { numFmt: MONEY_FORMAT })
    box(ws, r, 6, r, 6, wan(row.adjustment), { numFmt: MONEY_FORMAT })
    box(ws, r, 7, r, 7, wan(row.budget), { numFmt: MONEY_FORMAT })
    box(ws, r, 8, r, 10, wan(row.executed), { numFmt: MONEY_FORMAT, fill })
    box(ws, r, 11, r, 12, rate(row.executionRate), { numFmt: RATE_FORMAT, fill })
    box(ws, r, 13, r, 15, wan(row.forecast), { numFmt: MONEY_FORMAT })
    box(ws, r, 16, r, 17, row.remark, { align: LEFT, fill })
    fitRow(ws, r, widths, [[row.remark, 16, 17]], 20)
  })
  // 预算执行偏差原因: the project's spending note (reasons ticked and its 原因说明).
  const r = top + 4
  const reasons = form.reasons.map((reason) => DEVIATION_REASON_LABELS[reason]).join('、')
  const text = [reasons === '' ? '' : `偏差原因：${reasons}`, form.explanation.trim() === '' ? '' : `原因说明：${form.explanation.trim()}`]
    .filter((part) => part !== '')
    .join('；')
  box(ws, r, 2, r, 4, '预算执行偏差原因', { align: LEFT })
  box(ws, r, 5, r, 17, text, { align: LEFT })
  fitRow(ws, r, widths, [[text, 5, 17], ['预算执行偏差原因', 2, 4]], 22)
  return top + 5
}

function writeGoals(ws: Worksheet, form: MonitoringForm, top: number, widths: readonly number[]): number {
  box(ws, top, 1, top + 1, 1, '年度总体\n目标', { isBold: true })
  header(ws, top, 2, top, 8, '全年预期目标')
  header(ws, top, 9, top, 17, `1–${form.month}月执行情况`)
  ws.getRow(top).height = 20
  const goals = form.goals.map((goal, i) => `${i + 1}. ${goal}`).join('\n')
  box(ws, top + 1, 2, top + 1, 8, goals, { align: LEFT })
  box(ws, top + 1, 9, top + 1, 17, form.progress, { align: LEFT })
  fitRow(ws, top + 1, widths, [[goals, 2, 8], [form.progress, 9, 17]], 30)
  return top + 2
}

function indicatorValue(q: FormQuantity | null, text: string): readonly [CellValue, string | undefined] {
  return q === null ? [text, undefined] : [q.value, quantityFormat(q)]
}

function writeIndicators(ws: Worksheet, form: MonitoringForm, top: number, widths: readonly number[]): number {
  const first = top + 2
  const last = first + Math.max(form.indicators.length, 1) - 1
  box(ws, top, 1, last, 1, '绩效指标', { isBold: true })
  header(ws, top, 2, top + 1, 2, '一级指标')
  header(ws, top, 3, top + 1, 3, '二级指标')
  header(ws, top, 4, top + 1, 4, '三级指标')
  header(ws, top, 5, top + 1, 5, '年度指标值')
  header(ws, top, 6, top + 1, 6, `1–${form.month}月执行情况`)
  header(ws, top, 7, top + 1, 7, '全年预计\n完成情况')
  header(ws, top, REASON_COLUMN, top, REASON_COLUMN + 4, '偏差原因分析')
  DEVIATION_REASONS.forEach((reason, i) => header(ws, top + 1, REASON_COLUMN + i, top + 1, REASON_COLUMN + i, REASON_HEADERS[reason]))
  header(ws, top, LIKELIHOOD_COLUMN, top, LIKELIHOOD_COLUMN + 2, '完成目标可能性')
  LIKELIHOODS.forEach((l, i) => header(ws, top + 1, LIKELIHOOD_COLUMN + i, top + 1, LIKELIHOOD_COLUMN + i, LIKELIHOOD_HEADERS[l]))
  header(ws, top, 16, top + 1, 16, '原因说明')
  header(ws, top, 17, top + 1, 17, '备注')
  ws.getRow(top).height = 20
  ws.getRow(top + 1).height = 46
  if (form.indicators.length === 0) {
    box(ws, first, 2, first, 17, '（无绩效指标）')
    return first + 1
  }
  form.indicators.forEach((row, i) => {
    const r = first + i
    const fill = row.changes.length > 0 ? CHANGED_FILL : undefined
    box(ws, r, 2, r, 2, row.level1)
    box(ws, r, 3, r, 3, row.level2)
    box(ws, r, 4, r, 4, row.name, { align: LEFT })
    box(ws, r, 5, r, 5, row.formTarget)
    const [actual, actualFormat] = indicatorValue(row.actual, row.actualText)
    box(ws, r, 6, r, 6, actual, { numFmt: actualFormat, fill })
    const [forecast, forecastFormat] = indicatorValue(row.forecast, row.forecastText)
    box(ws, r, 7, r, 7, forecast, { numFmt: forecastFormat })
    DEVIATION_REASONS.forEach((reason, j) => box(ws, r, REASON_COLUMN + j, r, REASON_COLUMN + j, row.reasons.includes(reason) ? MARK : ''))
    LIKELIHOODS.forEach((l, j) => box(ws, r, LIKELIHOOD_COLUMN + j, r, LIKELIHOOD_COLUMN + j, row.likelihood === l ? MARK : ''))
    box(ws, r, 16, r, 16, row.explanation, { align: LEFT })
    box(ws, r, 17, r, 17, row.remark, { align: LEFT, fill })
    fitRow(ws, r, widths, [[row.name, 4, 4], [row.level2, 3, 3], [row.explanation, 16, 16], [row.remark, 17, 17], [row.forecastText, 7, 7]], 30)
  })
  return last + 1
}

function footnoteLines(form: MonitoringForm, input: MonitoringWorkbookInput): string[] {
  const likelihood = form.likelihood === null ? '未评定' : LIKELIHOOD_LABELS[form.likelihood]
  return [
    `项目整体完成目标可能性：${likelihood}（${form.isLikelihoodConfirmed ? '已确认' : '系统按全年预计测算，待确认'}）；状态：${STATUS_LABELS[form.status]}。`,
    form.actions === '' ? '' : `整改措施：${form.actions}`,
    describeChanges(form.changes.filter((d) => !isSpendChange(d))),
    input.mismatches?.get(form.projectId) ?? '',
    '说明：偏差原因分析、完成目标可能性按指标在对应栏打“√”；未经确认的完成目标可能性为系统按全年预计测算（备注“系统测算”）。金额单位：万元。',
    `填报单位：${form.departmentCode} ${form.departmentName}`,
    input.presetName === undefined ? '' : `红黄绿判定：${input.presetName}`,
  ].filter((text) => text !== '')
}

function writeProjectSheet(wb: Workbook, name: string, form: MonitoringForm, input: MonitoringWorkbookInput): void {
  const ws = wb.addWorksheet(name)
  const widths = formWidths(form)
  setWidths(ws, widths)
  pageSetup(ws)
  titleRows(ws, FORM_COLUMNS, '项目支出绩效目标执行监控表', `（${form.year}年度　1–${form.month}月）`, input)
  const top = BODY_TOP
  box(ws, top, 1, top, 1, '项目名称', { isBold: true })
  box(ws, top, 2, top, 8, form.projectName, { align: LEFT })
  box(ws, top, 9, top, 11, '项目编码', { isBold: true })
  box(ws, top, 12, top, 17, form.projectCode, { align: LEFT })
  ws.getRow(top).height = 22
  box(ws, top + 1, 1, top + 1, 1, '主管部门\n及代码', { isBold: true })
  box(ws, top + 1, 2, top + 1, 8, `${form.departmentName}（${form.departmentCode}）`, { align: LEFT })
  box(ws, top + 1, 9, top + 1, 11, '实施单位', { isBold: true })
  box(ws, top + 1, 12, top + 1, 17, form.departmentName, { align: LEFT })
  ws.getRow(top + 1).height = 32
  let row = writeFunding(ws, form, top + 2, widths)
  row = writeGoals(ws, form, row, widths)
  row = writeIndicators(ws, form, row, widths)
  const lines = footnoteLines(form, input)
  lines.forEach((text, i) => {
    line(ws, row + 1 + i, 1, FORM_COLUMNS, text, { size: 9 })
    fitRow(ws, row + 1 + i, widths, [[text, 1, FORM_COLUMNS]], 16, 9)
  })
  signOffRows(ws, row + 2 + lines.length, thirds(FORM_COLUMNS), input.signOff, input.date)
  ws.pageSetup.printTitlesRow = '1:3'
}

const SUMMARY_HEADERS = [
  ['序号', 5],
  ['项目编码', 0],
  ['项目名称', 0],
  ['状态', 9],
  ['年初预算数\n（万元）', 0],
  ['年度预算调整\n（万元）', 0],
  ['调整后预算数\n（万元）', 0],
  ['1–m月执行数\n（万元）', 0],
  ['1–m月\n执行率', 0],
  ['计划进度', 0],
  ['偏差\n（个百分点）', 0],
  ['全年预计执行数\n（万元）', 0],
  ['完成目标\n可能性', 0],
  ['预算执行\n偏差原因', 14],
  ['会议决定', 0],
  ['未完成整改\n措施（项）', 0],
  ['备注', 26],
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
  ws.getRow(r).height = 22
}

/** 汇总 · 备注 of a project: which figures changed after 报送 (the details are on its sheet). */
export function summaryRemark(form: MonitoringForm): string {
  const labels = [...form.changes.map((d) => d.label), ...form.indicators.filter((row) => row.changes.length > 0).map((row) => row.name)]
  return labels.length === 0 ? '' : `${CHANGED_AFTER_REPORT}：${labels.join('、')}（详见项目表）`
}

function writeSummarySheet(wb: Workbook, input: MonitoringWorkbookInput): void {
  const ws = wb.addWorksheet(SUMMARY_SHEET)
  const m = input.month
  const labels = SUMMARY_HEADERS.map(([label]) => label.replace('1–m', `1–${m}`))
  const widths = SUMMARY_HEADERS.map(([, width], i) => {
    if (width > 0) return width
    const column = i === 1 ? input.forms.map((f) => f.projectCode) : i === 2 ? input.forms.map((f) => f.projectName) : []
    return Math.min(i === 2 ? 24 : 22, widthFor([labels[i]!, ...column, ...(i === 4 ? ['部门合计'] : [])], 10, 9))
  })
  setWidths(ws, widths)
  pageSetup(ws)
  const subtitle = `${input.departmentName}（${input.departmentCode}）　截至${m}月底　填报日期：${input.date}${input.presetName === undefined ? '' : `　红黄绿判定：${input.presetName}`}`
  titleRows(ws, SUMMARY_HEADERS.length, `${input.year}年项目支出绩效目标执行监控汇总表`, subtitle, input)
  const top = BODY_TOP
  labels.forEach((label, i) => header(ws, top, i + 1, top, i + 1, label))
  ws.getRow(top).height = 34
  input.forms.forEach((form, i) => {
    const r = top + 1 + i
    const total = form.funding[0]
    const outcome = input.outcomes?.get(form.projectId)
    const reasons = form.reasons.map((reason) => DEVIATION_REASON_LABELS[reason]).join('、')
    const remark = summaryRemark(form)
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
      [remark],
    ]
    values.forEach(([value, numFmt], c) =>
      box(ws, r, c + 1, r, c + 1, value, { numFmt, align: c === 2 || c === 16 ? LEFT : undefined, fill: c === 16 && remark !== '' ? CHANGED_FILL : undefined }),
    )
    fitRow(ws, r, widths, [[form.projectName, 3, 3], [reasons, 14, 14], [remark, 17, 17], [form.projectCode, 2, 2]], 22)
  })
  const afterRows = top + 1 + input.forms.length
  input.totals.forEach((total, i) => writeTotalRow(ws, afterRows + i, total))
  signOffRows(ws, afterRows + input.totals.length + 1, thirds(SUMMARY_HEADERS.length), input.signOff, input.date)
  ws.views = [{ state: 'frozen', ySplit: top }]
  ws.pageSetup.printTitlesRow = `1:${top}`
}

/** An Excel sheet name (≤ 31 characters, none of []:*?/\), unique within `taken`. */
export function sheetNameFor(name: string, taken: Set<string>): string {
  const base = truncateToUnits(name.replace(/[[\]:*?/\\]/g, '_'), 28) || '项目'
  let candidate = base
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}(${n})`
  taken.add(candidate)
  return candidate
}

/** The sheets after the projects' (names kept off the project sheets' names). */
export const ACTION_SHEET = '整改清单'
export const MINUTES_SHEET = '会议纪要'

/**
 * Builds the workbook — 汇总, one sheet per form in the given order, then 整改清单 (when
 * `input.actions` is given) and 会议纪要 (when `input.minutes` is) — and returns the .xlsx bytes.
 */
export async function writeMonitoringWorkbook(input: MonitoringWorkbookInput): Promise<ArrayBuffer> {
  // exceljs is CommonJS in node and a UMD bundle in the browser: take the default export if any.
  const module = await import('exceljs')
  const ExcelJS = (module as unknown as { default?: typeof module }).default ?? module
  const wb = new ExcelJS.Workbook()
  wb.creator = '预算绩效监控'
  wb.title = '项目支出绩效目标执行监控表'
  writeSummarySheet(wb, input)
  const taken = new Set([SUMMARY_SHEET, ACTION_SHEET, MINUTES_SHEET])
  for (const form of input.forms) writeProjectSheet(wb, sheetNameFor(form.projectName, taken), form, input)
  if (input.actions) writeActionSheet(wb.addWorksheet(ACTION_SHEET), input.actions, input)
  if (input.minutes) writeMinutesSheet(wb.addWorksheet(MINUTES_SHEET), input.minutes, input)
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer
}

/** The file name of an export, e.g. 项目支出绩效目标执行监控表_2020年1-7月_315002.xlsx. */
export function monitoringWorkbookFileName(year: number, month: Month, departmentCode: string, projectName?: string): string {
  const scope = projectName ? `_${projectName.replace(/[\\/:*?"<>|]/g, '_')}` : ''
  return `项目支出绩效目标执行监控表_${year}年1-${month}月_${departmentCode}${scope}.xlsx`
}
