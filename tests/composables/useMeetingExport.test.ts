/**
 * The meeting pack button's composable: one download (.zip) holding what the two separate exports
 * write, a step shown while it is built, and a Chinese message (and no download) when it fails.
 */
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { shallowRef } from 'vue'
import type { MeetingState } from '@/composables/useMeeting'
import { useMeetingExport } from '@/composables/useMeetingExport'
import { buildAgenda } from '@/domain/agenda'
import { DEFAULT_THRESHOLDS } from '@/domain/types'
import type * as ReportDocx from '@/exporters/monitoringReportDocx'
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

/** The parts of a meeting the exports read, for the demo department at 7月. */
function demoMeeting(): MeetingState {
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
    agenda: shallowRef(agenda),
    meetingData: shallowRef({ actions: [], indicatorNotes: [] }),
    referenceDate: shallowRef('2020-08-06'),
    noteOf: () => null,
  } as unknown as MeetingState
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
afterEach(() => vi.restoreAllMocks())

// exceljs and docx load on the first export: slow on a busy machine.
describe('useMeetingExport().exportPack', { timeout: 60_000 }, () => {
  it('offers one .zip with the 监控表 and the 监控报告, showing its step while it builds', async () => {
    const exporter = useMeetingExport(demoMeeting(), '2020-08-06')
    const running = exporter.exportPack()
    expect(exporter.packStep.value).toBe('正在生成监控表…')
    expect(exporter.isBusy.value).toBe(true)
    await running
    expect(exporter.packStep.value).toBeNull()
    expect(exporter.isBusy.value).toBe(false)
    expect(exporter.failure.value).toBeNull()
    expect(downloads.map((d) => d.name)).toEqual(['监控会议材料_2020年1-7月_315002.zip'])
    expect(downloads[0]!.blob.type).toBe('application/zip')
    const zip = await JSZip.loadAsync(await downloads[0]!.blob.arrayBuffer())
    expect(Object.keys(zip.files)).toEqual(['项目支出绩效目标执行监控表_2020年1-7月_315002.xlsx', '部门预算绩效运行监控情况报告_2020年1-7月_315002.docx'])
  })

  it('after the pack, the single exports download on their own again', async () => {
    const exporter = useMeetingExport(demoMeeting(), '2020-08-06')
    await exporter.exportPack()
    await exporter.exportReport()
    expect(downloads.map((d) => d.name)).toEqual(['监控会议材料_2020年1-7月_315002.zip', '部门预算绩效运行监控情况报告_2020年1-7月_315002.docx'])
  })

  it('says in Chinese why it failed, and offers nothing half-built', async () => {
    failing.report = true
    const exporter = useMeetingExport(demoMeeting(), '2020-08-06')
    await exporter.exportPack()
    expect(exporter.failure.value).toBe('会议材料打包失败：磁盘空间不足')
    expect(downloads).toEqual([])
    expect(exporter.packStep.value).toBeNull()
    expect(exporter.isBusy.value).toBe(false)
    // The next try starts clean.
    failing.report = false
    await exporter.exportPack()
    expect(exporter.failure.value).toBeNull()
    expect(downloads.map((d) => d.name)).toEqual(['监控会议材料_2020年1-7月_315002.zip'])
  })
})
