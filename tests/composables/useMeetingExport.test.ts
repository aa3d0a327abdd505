/**
 * The meeting pack button's composable over the demo department at 7月 (fake-indexeddb): it asks
 * for the sign-off block in the same dialog as 导出监控表, then offers one download (.zip) holding
 * the department's 监控表 (汇总, every project, 整改清单, 会议纪要, the confirmed block) and the
 * 监控报告, a step shown while it is built, and a Chinese message (and no download) when it fails.
 */
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import mammoth from 'mammoth'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, shallowRef } from 'vue'
import type { ExportedMeeting } from '@/composables/useMeetingExport'
import { useMeetingExport } from '@/composables/useMeetingExport'
import { db } from '@/db/database'
import { addActionItem, loadMeetingData, saveMeetingRecord, setDecision } from '@/db/meetingRepository'
import { getSignOff, saveSettings } from '@/db/settingsRepository'
import { summarizeProjects } from '@/domain'
import { buildAgenda } from '@/domain/agenda'
import { formatWan } from '@/domain/money'
import { DEFAULT_THRESHOLDS } from '@/domain/types'
import type * as ReportDocx from '@/exporters/monitoringReportDocx'
import { DEMO_DEPARTMENT, DEMO_YEAR, loadRealDemo } from '../db/demoDatabase'
import { demoAt } from '../exporters/demoEvaluations'

const failing = vi.hoisted(() => ({ report: false }))
vi.mock('@/exporters/monitoringReportDocx', async (importOriginal) => {
  const actual = await importOriginal<typeof ReportDocx>()
  return {
    ...actual,
    writeMonitoringReportDocx: (...args: Parameters<typeof actual.writeMonitoringReportDocx>) =>
      failing.report ? Promise.reject(new Error('磁盘空间不足')) : actual.writeMonitoringReportDocx(...args),
  }
})

const demo = demoAt(7)
const GH9H = `${DEMO_YEAR}/${DEMO_DEPARTMENT}/315-0401-JBN-GH9H`
const PACK = '监控会议材料_2020年1-7月_315002.zip'
const WORKBOOK = '项目支出绩效目标执行监控表_2020年1-7月_315002.xlsx'
const REPORT = '部门预算绩效运行监控情况报告_2020年1-7月_315002.docx'
const BLOCK = { preparer: '王会计', phone: '0335-4041234', unitHead: '赵局长', financeHead: '钱科长', date: '2020-08-06' }
const RECORD = { year: DEMO_YEAR, departmentCode: DEMO_DEPARTMENT, month: 7 as const, date: '2020-08-06', place: '局二楼会议室', host: '赵局长', attendees: '', notes: '' }

/** The demo round stored with a 7月 meeting: 继续执行 on 依法治区及普法宣传经费 and one action. */
async function storeMeeting(): Promise<void> {
  await loadRealDemo(db)
  await saveSettings({ actor: '王会计' })
  await saveMeetingRecord(RECORD, '王会计')
  await setDecision(GH9H, 7, { decision: 'continue', remark: '' }, '王会计')
  await addActionItem({ projectId: GH9H, month: 7, text: '8月10日前交付剩余宣传资料', owner: '孙科长', dueDate: '2020-08-10' }, '王会计')
}

/** The parts of a meeting the exports read, for the demo department at 7月. */
async function demoMeeting(): Promise<ExportedMeeting> {
  const data = await loadMeetingData({ year: DEMO_YEAR, departmentCode: DEMO_DEPARTMENT })
  const agenda = buildAgenda({ evaluations: demo.evaluations, flags: [], decisions: new Map(), actions: [], month: 7, referenceDate: '2020-08-06' })
  return {
    monitor: {
      year: shallowRef(2020),
      month: shallowRef(7),
      departmentCode: shallowRef(demo.departmentCode),
      evaluations: shallowRef(demo.evaluations),
      projectData: shallowRef([]),
      settings: shallowRef({ thresholds: DEFAULT_THRESHOLDS }),
    },
    departmentName: shallowRef(demo.departmentName),
    record: shallowRef(RECORD),
    agenda: shallowRef(agenda),
    meetingData: shallowRef(data),
    referenceDate: shallowRef('2020-08-06'),
    noteOf: () => null,
    loadScope: async () => ({ evaluations: demo.evaluations, projectData: [] }),
  } as unknown as ExportedMeeting
}

async function exporterOf() {
  const meeting = await demoMeeting()
  return effectScope().run(() => useMeetingExport(meeting, '2020-08-06'))!
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

let downloads: { name: string; blob: Blob }[] = []
beforeEach(() => {
  downloads = []
  failing.report = false
  const blobs: Blob[] = []
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob)
    return `blob:test/${blobs.length}`
  })
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs[blobs.length - 1]! })
  })
})
afterEach(async () => {
  vi.restoreAllMocks()
  await Promise.all(db.tables.map((table) => table.clear()))
})

// exceljs and docx load on the first export: slow on a busy machine.
describe('useMeetingExport().exportPack', { timeout: 60_000 }, () => {
  it('asks for the sign-off block first, then offers one .zip with the department’s 监控表 and the 监控报告', async () => {
    await storeMeeting()
    const exporter = await exporterOf()
    await exporter.exportPack()
    // The same dialog as 导出监控表, prefilled with 填报人 from 设置; nothing is built yet.
    expect(exporter.workbook.isDialogOpen.value).toBe(true)
    expect(exporter.workbook.isHandedOn.value).toBe(true)
    expect(exporter.workbook.draft.value?.preparer).toBe('王会计')
    expect(downloads).toEqual([])
    // A bad block is refused at the field, and nothing is saved or built.
    expect(await exporter.workbook.confirm({ ...BLOCK, phone: 'abc' })).toHaveProperty('phone')
    expect(await getSignOff(DEMO_DEPARTMENT)).toBeNull()
    expect(downloads).toEqual([])

    const confirming = exporter.workbook.confirm(BLOCK)
    await vi.waitFor(() => expect(exporter.packStep.value).not.toBeNull())
    expect(exporter.isBusy.value).toBe(true)
    expect(await confirming).toEqual({})
    expect(exporter.packStep.value).toBeNull()
    expect(exporter.isBusy.value).toBe(false)
    expect(exporter.failure.value).toBeNull()
    expect(exporter.workbook.isDialogOpen.value).toBe(false)
    expect(await getSignOff(DEMO_DEPARTMENT)).toEqual(BLOCK)

    expect(downloads.map((d) => d.name)).toEqual([PACK])
    expect(downloads[0]!.blob.type).toBe('application/zip')
    const zip = await JSZip.loadAsync(await downloads[0]!.blob.arrayBuffer())
    expect(Object.keys(zip.files)).toEqual([WORKBOOK, REPORT])

    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await zip.file(WORKBOOK)!.async('arraybuffer'))
    const names = wb.worksheets.map((ws) => ws.name)
    // 汇总, every project of the department (on the agenda or not), then the meeting's sheets.
    expect(names[0]).toBe('汇总')
    expect(names.slice(-2)).toEqual(['整改清单', '会议纪要'])
    expect(names).toHaveLength(1 + demo.evaluations.length + 2)
    for (const e of demo.evaluations) expect(names).toContain(e.project.name)
    // The confirmed block signs every sheet.
    for (const ws of wb.worksheets) expect(rowsOf(ws).flat(), ws.name).toContain('填报人：王会计')
    // 汇总's 部门合计 row: the department's 预算数 and 执行数 in 万元.
    const department = summarizeProjects(demo.evaluations)
    const total = rowsOf(wb.getWorksheet('汇总')!).find((row) => row.includes('部门合计'))
    expect(total).toEqual(expect.arrayContaining([department.budget, department.executed].map((fen) => String(fen / 1_000_000))))
    expect(formatWan(department.budget)).toBe('21.05')
    // The project's sheet: 1–7月执行数 0.70 of 预算 2.00 万元 (执行率 35 %).
    const project = rowsOf(wb.getWorksheet('依法治区及普法宣传经费')!).flat()
    for (const figure of ['0.7', '2', '0.35']) expect(project).toContain(figure)
    expect(project).toContain('普法宣传资料印制')
    // 整改清单: the action with its 责任人, 期限 and 状态; 会议纪要: the place and the decision.
    const action = rowsOf(wb.getWorksheet('整改清单')!).find((row) => row.includes('8月10日前交付剩余宣传资料'))
    expect(action).toEqual(expect.arrayContaining(['依法治区及普法宣传经费', '7月', '孙科长', '2020-08-10', '未开始']))
    const minutes = rowsOf(wb.getWorksheet('会议纪要')!)
    expect(minutes.flat()).toContain('局二楼会议室')
    expect(minutes.find((row) => row.includes('依法治区及普法宣传经费'))).toContain('继续执行')

    const { value } = await mammoth.extractRawText({ buffer: await zip.file(REPORT)!.async('nodebuffer') })
    expect(value.startsWith('部门预算绩效运行监控情况报告')).toBe(true)
    expect(value).toContain(`预算数合计 ${formatWan(department.budget)}万元`)
    expect(value).toMatch(/8月10日前交付剩余宣传资料\s*孙科长\s*2020-08-10\s*未开始/)
  })

  it('after the pack, 导出监控表 downloads the .xlsx alone again, and the report too', async () => {
    await storeMeeting()
    const exporter = await exporterOf()
    await exporter.exportPack()
    await exporter.workbook.confirm(BLOCK)
    await exporter.exportAll()
    expect(exporter.workbook.isHandedOn.value).toBe(false)
    // The block confirmed for the pack was saved for the department (填报日期 is set per export).
    expect(exporter.workbook.draft.value).toEqual({ ...BLOCK, date: '' })
    await exporter.workbook.confirm(BLOCK)
    await exporter.exportReport()
    expect(downloads.map((d) => d.name)).toEqual([PACK, WORKBOOK, REPORT])
  })

  it('cancelled in the dialog, builds nothing', async () => {
    await storeMeeting()
    const exporter = await exporterOf()
    await exporter.exportPack()
    exporter.workbook.isDialogOpen.value = false
    expect(exporter.packStep.value).toBeNull()
    expect(downloads).toEqual([])
  })

  it('says in Chinese why it failed, and offers nothing half-built', async () => {
    await storeMeeting()
    failing.report = true
    const exporter = await exporterOf()
    await exporter.exportPack()
    await exporter.workbook.confirm(BLOCK)
    expect(exporter.failure.value).toBe('会议材料打包失败：磁盘空间不足')
    expect(downloads).toEqual([])
    expect(exporter.packStep.value).toBeNull()
    expect(exporter.isBusy.value).toBe(false)
    // The next try starts clean.
    failing.report = false
    await exporter.exportPack()
    expect(exporter.failure.value).toBeNull()
    await exporter.workbook.confirm(BLOCK)
    expect(exporter.failure.value).toBeNull()
    expect(downloads.map((d) => d.name)).toEqual([PACK])
  })
})
