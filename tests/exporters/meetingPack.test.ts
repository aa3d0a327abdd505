/**
 * The one-file meeting pack (src/exporters/meetingPack.ts): the demo's 监控表 and 监控报告 at 7月
 * zipped, then unzipped with another library (jszip) and each file opened the way a user's
 * software would (exceljs, mammoth): both are there under their names and carry the round's figures.
 */
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import mammoth from 'mammoth'
import { beforeAll, describe, expect, it } from 'vitest'
import { summarizeProjects } from '@/domain'
import { buildAgenda } from '@/domain/agenda'
import { formatPercent } from '@/domain/format'
import { formatWan } from '@/domain/money'
import { buildFormTotal, buildMonitoringForm } from '@/domain/monitoringForm'
import { buildMonitoringReport } from '@/domain/monitoringReport'
import { meetingPackFileName, writeMeetingPack } from '@/exporters/meetingPack'
import { monitoringWorkbookFileName, sheetNameFor, writeMonitoringWorkbook } from '@/exporters/monitoringFormXlsx'
import { monitoringReportFileName, writeMonitoringReportDocx } from '@/exporters/monitoringReportDocx'
import { demoAt } from './demoEvaluations'

const demo = demoAt(7)
const agenda = buildAgenda({ evaluations: demo.evaluations, flags: [], decisions: new Map(), actions: [], month: 7, referenceDate: '2020-08-06' })
const department = summarizeProjects(demo.evaluations)
const WORKBOOK = monitoringWorkbookFileName(2020, 7, demo.departmentCode)
const REPORT = monitoringReportFileName(2020, 7, demo.departmentCode)

async function demoFiles() {
  const workbook = await writeMonitoringWorkbook({
    departmentCode: demo.departmentCode,
    departmentName: demo.departmentName,
    year: 2020,
    month: 7,
    date: '2020-08-06',
    forms: agenda.entries.map((e) => buildMonitoringForm(e.evaluation, demo.notes.find((n) => n.projectId === e.evaluation.project.id && n.month === 7) ?? null, demo.departmentName)),
    totals: [buildFormTotal('部门合计', demo.evaluations)],
  })
  const report = await writeMonitoringReportDocx(
    buildMonitoringReport({
      departmentName: demo.departmentName,
      year: 2020,
      month: 7,
      evaluations: demo.evaluations,
      notes: demo.notes,
      indicatorNotes: [],
      actions: [],
      projectNames: new Map(demo.evaluations.map((e) => [e.project.id, e.project.name])),
    }),
  )
  return [
    { name: WORKBOOK, bytes: workbook },
    { name: REPORT, bytes: report },
  ]
}

/** Every number in the workbook's cells, rounded to the cent / basis point. */
function numbersIn(wb: ExcelJS.Workbook): Set<number> {
  const numbers = new Set<number>()
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => typeof cell.value === 'number' && numbers.add(Math.round(cell.value * 10_000) / 10_000)))
  return numbers
}

describe('meeting pack (.zip) of the demo at 7月', () => {
  let zip: JSZip
  beforeAll(async () => {
    zip = await JSZip.loadAsync(writeMeetingPack({ files: await demoFiles(), date: '2020-08-06' }))
  })

  it('is named after the round and the department', () => {
    expect(meetingPackFileName(2020, 7, '315002')).toBe('监控会议材料_2020年1-7月_315002.zip')
    expect(meetingPackFileName(2020, 12, '315002')).toBe('监控会议材料_2020年1-12月_315002.zip')
  })

  it('holds exactly the 监控表 and the 监控报告, under their Chinese names, dated the meeting day', () => {
    const names = Object.keys(zip.files)
    expect(names).toEqual(['项目支出绩效目标执行监控表_2020年1-7月_315002.xlsx', '部门预算绩效运行监控情况报告_2020年1-7月_315002.docx'])
    const date = zip.file(WORKBOOK)!.date
    expect([date.getFullYear(), date.getMonth() + 1, date.getDate()]).toEqual([2020, 8, 6])
  })

  it('marks its names UTF-8 from a Unix origin with rw-r--r--, so unzip on Linux does not garble them', () => {
    // Debian's unzip reads names of a DOS-made archive in the OEM code page despite the UTF-8 flag.
    for (const name of [WORKBOOK, REPORT]) expect(zip.file(name)!.unixPermissions).toBe(0o100644)
  })

  it('keeps the workbook readable, with its sheets and the department figures', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await zip.file(WORKBOOK)!.async('arraybuffer'))
    const sheets = wb.worksheets.map((ws) => ws.name)
    const taken = new Set<string>(['汇总'])
    expect(sheets[0]).toBe('汇总')
    expect(agenda.entries.length).toBeGreaterThan(0)
    for (const e of agenda.entries) expect(sheets).toContain(sheetNameFor(e.evaluation.project.name, taken))
    const numbers = numbersIn(wb)
    expect(formatWan(department.budget)).toBe('21.05')
    expect(numbers).toContain(21.05)
    expect(numbers).toContain(department.executed / 1_000_000)
  })

  it('keeps the report readable, with the round and its figures', async () => {
    const { value } = await mammoth.extractRawText({ buffer: await zip.file(REPORT)!.async('nodebuffer') })
    expect(value.startsWith('部门预算绩效运行监控情况报告')).toBe(true)
    expect(value).toContain(`${demo.departmentName} · 2020年度 · 1–7月`)
    expect(value).toContain(`预算数合计 ${formatWan(department.budget)}万元`)
    expect(value).toContain(`1–7月执行数 ${formatWan(department.executed)}万元，执行率 ${formatPercent(department.executionRate, 2)}`)
  })
})

describe('meeting pack refusals', () => {
  const file = (name: string, size = 3) => ({ name, bytes: new Uint8Array(size).fill(1) })
  it.each([
    ['no file', [], '会议材料中没有文件'],
    ['an empty file', [file('a.xlsx', 0)], '「a.xlsx」是空文件，未能生成'],
    ['a name used twice', [file('a.xlsx'), file('a.xlsx')], '会议材料中有两个「a.xlsx」'],
    ['a name with a slash', [file('a/b.xlsx')], '会议材料文件名「a/b.xlsx」不可用'],
  ])('refuses %s', (_, files, message) => {
    expect(() => writeMeetingPack({ files, date: '2020-08-06' })).toThrow(message)
  })

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => writeMeetingPack({ files: [file('a.xlsx')], date: '2020/8/6' })).toThrow('日期「2020/8/6」不是 YYYY-MM-DD')
  })
})
