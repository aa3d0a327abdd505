/**
 * The one-file meeting pack (src/exporters/meetingPack.ts): the demo's 监控表 workbook (汇总, every
 * project, 整改清单, 会议纪要, as the meeting page writes it) and 监控报告 at 7月 zipped, then
 * unzipped with another library (jszip) and each file opened the way a user's software would
 * (exceljs, mammoth): both are there under their names and carry the round's figures.
 */
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import mammoth from 'mammoth'
import { beforeAll, describe, expect, it } from 'vitest'
import { summarizeProjects } from '@/domain'
import { formatPercent } from '@/domain/format'
import { formatWan } from '@/domain/money'
import { buildMonitoringReport } from '@/domain/monitoringReport'
import { buildMonitoringWorkbookInput } from '@/domain/monitoringWorkbook'
import { meetingPackFileName, writeMeetingPack } from '@/exporters/meetingPack'
import { monitoringWorkbookFileName, writeMonitoringWorkbook } from '@/exporters/monitoringFormXlsx'
import { monitoringReportFileName, writeMonitoringReportDocx } from '@/exporters/monitoringReportDocx'
import { demo, demoSource, INDICATOR_NOTES } from './demoWorkbook'

const input = buildMonitoringWorkbookInput(demoSource())
const { evaluations } = demoSource().view
const department = summarizeProjects(evaluations)
const WORKBOOK = monitoringWorkbookFileName(2020, 7, demo.departmentCode)
const REPORT = monitoringReportFileName(2020, 7, demo.departmentCode)

async function demoFiles() {
  const workbook = await writeMonitoringWorkbook(input)
  const report = await writeMonitoringReportDocx(
    buildMonitoringReport({
      departmentName: demo.departmentName,
      year: 2020,
      month: 7,
      evaluations,
      notes: demo.data.flatMap((row) => row.notes),
      indicatorNotes: INDICATOR_NOTES,
      actions: [],
      projectNames: new Map(evaluations.map((e) => [e.project.id, e.project.name])),
    }),
  )
  return [
    { name: WORKBOOK, bytes: workbook },
    { name: REPORT, bytes: report },
  ]
}

/** The texts of each row of a sheet (numbers as written), merged cells once. */
function rowsOf(ws: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = []
  ws.eachRow((row) => {
    const cells: string[] = []
    row.eachCell((cell) => {
      if (cell.isMerged && cell.master.address !== cell.address) return
      if (typeof cell.value === 'string' || typeof cell.value === 'number') cells.push(String(cell.value))
    })
    rows.push(cells)
  })
  return rows
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

  it('keeps the workbook readable: 汇总, every project, 整改清单 and 会议纪要, with the round’s figures', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await zip.file(WORKBOOK)!.async('arraybuffer'))
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['汇总', ...demo.data.map((row) => row.project.name), '整改清单', '会议纪要'])
    // 汇总's 部门合计: 预算数 21.05 万元 and the department's 执行数.
    expect(formatWan(department.budget)).toBe('21.05')
    const total = rowsOf(wb.getWorksheet('汇总')!).find((row) => row.includes('部门合计'))
    expect(total).toEqual(expect.arrayContaining([department.budget, department.executed].map((fen) => String(fen / 1_000_000))))
    // A project's sheet: its own 预算数 and 执行数, and each of its indicators.
    for (const e of evaluations) {
      const cells = rowsOf(wb.getWorksheet(e.project.name)!).flat()
      expect(cells, e.project.name).toEqual(expect.arrayContaining([String(e.spend.budget / 1_000_000), String(e.spend.executed / 1_000_000)]))
      for (const i of e.indicators) expect(cells, e.project.name).toContain(i.indicator.name)
    }
    // 整改清单: the action completed after its 期限 reads 逾期完成; the one set at 6月 and still open is 结转.
    const actions = rowsOf(wb.getWorksheet('整改清单')!)
    expect(actions.find((row) => row.includes('印制普法宣传资料'))).toEqual(expect.arrayContaining(['已完成', '2020-07-20', '逾期完成']))
    expect(actions.find((row) => row.includes('完成第三方评估采购'))).toEqual(expect.arrayContaining(['6月', '张科长', '进行中', '逾期', '结转']))
    // 会议纪要: the place and the decision of 7月 with its remark.
    const minutes = rowsOf(wb.getWorksheet('会议纪要')!)
    expect(minutes.flat()).toContain('局三楼会议室')
    expect(minutes.find((row) => row.includes('法制工作专项经费'))).toContain('调整预算（调减 1 万元）')
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
