/**
 * The meeting's sheets of the 监控表 workbook: 整改清单 (every action item of the round's
 * meeting, carried-over ones included, with its 整改 result and 逾期 / 逾期完成 mark) and
 * 会议纪要 (date, place, 主持人, 参会人员, notes and the 议定事项 per project).
 */
import type { Worksheet } from 'exceljs'
import type { ActionListRow, MinutesSheet, MonitoringWorkbookInput } from '@/domain/monitoringWorkbook'
import { formatChineseDate } from '@/domain/meetingRecord'
import { BODY_TOP, box, fitRow, header, LEFT, pageSetup, setWidths, signOffRows, thirds, titleRows, widthFor } from './xlsxLayout'

const ACTION_HEADERS = [
  '序号',
  '项目名称',
  '提出\n月份',
  '整改措施',
  '责任人',
  '期限',
  '状态',
  '完成说明',
  '实际完成\n日期',
  '证明材料',
  '逾期\n情况',
  '结转',
] as const

/** The 整改清单 sheet: one row per action, in the agenda's order. */
export function writeActionSheet(ws: Worksheet, rows: readonly ActionListRow[], input: MonitoringWorkbookInput): void {
  const widths = [
    5,
    Math.min(22, widthFor(['项目名称', ...rows.map((r) => r.projectName)], 10, 12)),
    6,
    32,
    Math.min(14, widthFor(['责任人', ...rows.map((r) => r.owner)], 10, 8)),
    widthFor(['2020-08-31'], 10, 11),
    widthFor(['进行中'], 10, 8),
    26,
    widthFor(['2020-08-31', '实际完成'], 10, 11),
    20,
    widthFor(['逾期完成'], 10, 9),
    6,
  ]
  setWidths(ws, widths)
  pageSetup(ws)
  titleRows(ws, ACTION_HEADERS.length, '整改清单', `${input.departmentName}（${input.departmentCode}）　${input.year}年1–${input.month}月监控会议`, input)
  const top = BODY_TOP
  ACTION_HEADERS.forEach((label, i) => header(ws, top, i + 1, top, i + 1, label))
  ws.getRow(top).height = 34
  if (rows.length === 0) {
    box(ws, top + 1, 1, top + 1, ACTION_HEADERS.length, '本次会议没有整改措施。')
    ws.getRow(top + 1).height = 22
  }
  rows.forEach((row, i) => {
    const r = top + 1 + i
    const values = [
      i + 1,
      row.projectName,
      `${row.month}月`,
      row.text,
      row.owner,
      row.dueDate,
      row.progress,
      row.completionNote,
      row.completedOn,
      row.evidence,
      row.lateness,
      row.isCarriedOver ? '结转' : '',
    ]
    values.forEach((value, c) => {
      const isText = c === 1 || c === 3 || c === 7 || c === 9
      const isLate = c === 10 && value !== ''
      box(ws, r, c + 1, r, c + 1, value, { align: isText ? LEFT : undefined, isBold: isLate })
      if (isLate) ws.getCell(r, c + 1).font = { name: '宋体', size: 10, bold: true, color: { argb: 'FFB42318' } }
    })
    fitRow(ws, r, widths, [[row.projectName, 2, 2], [row.text, 4, 4], [row.completionNote, 8, 8], [row.evidence, 10, 10], [row.owner, 5, 5]], 24)
  })
  const after = top + 1 + Math.max(rows.length, 1)
  signOffRows(ws, after + 1, thirds(ACTION_HEADERS.length), input.signOff, input.date)
  ws.pageSetup.printTitlesRow = `1:${top}`
}

/** The 会议纪要 sheet: the record's fields, then 议定事项 per project. */
export function writeMinutesSheet(ws: Worksheet, minutes: MinutesSheet, input: MonitoringWorkbookInput): void {
  const widths = [12, 26, 60]
  setWidths(ws, widths)
  pageSetup(ws, 'portrait')
  titleRows(ws, 3, '会议纪要', `${input.departmentName}（${input.departmentCode}）　${input.year}年1–${input.month}月预算绩效运行监控会议`, input)
  const fields: readonly (readonly [string, string])[] = [
    ['会议日期', minutes.date === '' ? '（未记录）' : formatChineseDate(minutes.date)],
    ['会议地点', minutes.place],
    ['主持人', minutes.host],
    ['参会人员', minutes.attendees],
    ['会议记录', minutes.notes],
  ]
  let r = BODY_TOP
  for (const [label, value] of fields) {
    header(ws, r, 1, r, 1, label)
    box(ws, r, 2, r, 3, value, { align: LEFT })
    fitRow(ws, r, widths, [[value, 2, 3]], label === '会议记录' ? 60 : 22)
    r++
  }
  r++
  header(ws, r, 1, r, 3, '议定事项')
  ws.getRow(r).height = 22
  r++
  header(ws, r, 1, r, 1, '序号')
  header(ws, r, 2, r, 2, '项目名称')
  header(ws, r, 3, r, 3, '决定')
  ws.getRow(r).height = 22
  r++
  if (minutes.decisions.length === 0) {
    box(ws, r, 1, r, 3, '本次会议未作决定。')
    ws.getRow(r).height = 22
    r++
  }
  minutes.decisions.forEach((d, i) => {
    box(ws, r, 1, r, 1, i + 1)
    box(ws, r, 2, r, 2, d.projectName, { align: LEFT })
    box(ws, r, 3, r, 3, d.label, { align: LEFT })
    fitRow(ws, r, widths, [[d.projectName, 2, 2], [d.label, 3, 3]], 22)
    r++
  })
  signOffRows(ws, r + 1, [[1, 2], [3, 3]], input.signOff, input.date)
}
