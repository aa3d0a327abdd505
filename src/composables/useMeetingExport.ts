import { computed, shallowRef, toValue, type MaybeRefOrGetter } from 'vue'
import { actionsAtMonth, describeMismatch, type AgendaEntry } from '@/domain/agenda'
import { buildMonitoringReport } from '@/domain/monitoringReport'
import { buildFormTotal, buildMonitoringForm } from '@/domain/monitoringForm'
import { thresholdsName } from '@/domain/presets'
import { describeError } from '@/db/storageErrors'
import type { PackFile } from '@/exporters/meetingPack'
import type { MeetingState } from './useMeeting'

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const ZIP_TYPE = 'application/zip'

/** Where a written file goes: offered for download, or collected into the meeting pack. */
type Deliver = (bytes: ArrayBuffer, fileName: string, type?: string) => void

/** Offers a file for download under the given name. */
function download(bytes: ArrayBuffer, fileName: string, type = XLSX_TYPE): void {
  const blob = new Blob([bytes], { type })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * Exports the 项目支出绩效目标执行监控表 (.xlsx) of one agenda project or of the whole agenda.
 * The exporter and exceljs load only on the first export.
 */
export function useMeetingExport(meeting: MeetingState, today: MaybeRefOrGetter<string>) {
  const isBusy = shallowRef(false)
  const failure = shallowRef<string | null>(null)
  /** The meeting pack's step while it is built (监控表, 监控报告, 打包), else null. */
  const packStep = shallowRef<string | null>(null)
  let deliver: Deliver = download

  async function exportEntries(entries: readonly AgendaEntry[], projectName?: string): Promise<void> {
    const { monitor } = meeting
    const year = monitor.year.value
    if (year === null || entries.length === 0) return
    isBusy.value = true
    failure.value = null
    try {
      const { writeMonitoringWorkbook, monitoringWorkbookFileName } = await import('@/exporters/monitoringFormXlsx')
      const month = monitor.month.value
      const departmentName = meeting.departmentName.value
      const departmentCode = monitor.departmentCode.value ?? entries[0]?.evaluation.project.departmentCode ?? ''
      // The setting: print the adjusted target (original noted) or the original (adjusted noted).
      const display = monitor.settings.value.targetDisplay
      const forms = entries.map((e) => buildMonitoringForm(e.evaluation, meeting.noteOf(e.evaluation.project.id), departmentName, display))
      const outcomes = new Map(
        entries.map((e) => [e.evaluation.project.id, { decision: e.decision?.decision ?? null, openActions: e.openActionCount }]),
      )
      // One project's export sums up only the department; the whole agenda's gets its own total too.
      const totals = [
        ...(projectName === undefined ? [buildFormTotal('议程项目合计', entries.map((e) => e.evaluation))] : []),
        buildFormTotal('部门合计', monitor.evaluations.value),
      ]
      const date = toValue(today)
      const presetName = thresholdsName(meeting.monitor.settings.value.thresholds)
      const mismatches = new Map(entries.flatMap((e) => {
        const line = describeMismatch(e.evaluation)
        return line === null ? [] : [[e.evaluation.project.id, line] as const]
      }))
      const bytes = await writeMonitoringWorkbook({ departmentCode, departmentName, year, month, date, forms, totals, outcomes, presetName, mismatches })
      deliver(bytes, monitoringWorkbookFileName(year, month, departmentCode, projectName))
    } catch (error) {
      failure.value = `导出失败：${describeError(error)}`
    } finally {
      isBusy.value = false
    }
  }

  /** The 监控报告 draft (.docx) of the round over every project of the scope; docx loads on first use. */
  async function exportReport(): Promise<void> {
    const { monitor } = meeting
    const year = monitor.year.value
    if (year === null) return
    isBusy.value = true
    failure.value = null
    try {
      const { writeMonitoringReportDocx, monitoringReportFileName } = await import('@/exporters/monitoringReportDocx')
      const month = monitor.month.value
      const data = meeting.meetingData.value
      const report = buildMonitoringReport({
        departmentName: meeting.departmentName.value,
        year,
        month,
        evaluations: monitor.evaluations.value,
        notes: monitor.projectData.value.flatMap((row) => row.notes),
        indicatorNotes: data.indicatorNotes,
        actions: actionsAtMonth(data.actions, month, meeting.referenceDate.value),
        projectNames: new Map(monitor.evaluations.value.map((e) => [e.project.id, e.project.name])),
        thresholds: monitor.settings.value.thresholds,
      })
      const code = monitor.departmentCode.value ?? monitor.projectData.value[0]?.project.departmentCode ?? ''
      deliver(await writeMonitoringReportDocx(report), monitoringReportFileName(year, month, code), DOCX_TYPE)
    } catch (error) {
      failure.value = `导出失败：${describeError(error)}`
    } finally {
      isBusy.value = false
    }
  }

  /**
   * The one-file meeting pack (.zip): the 监控表 workbook exactly as 导出监控表（全部议程项目）
   * writes it and the 监控报告 draft exactly as 导出监控报告 does; fflate loads on first use.
   */
  async function exportPack(): Promise<void> {
    const { monitor } = meeting
    const year = monitor.year.value
    if (year === null || packStep.value !== null) return
    const files: PackFile[] = []
    failure.value = null
    // Read through a call: the two exports set it while awaited, which narrowing cannot see.
    const failed = (): string | null => failure.value
    deliver = (bytes, name) => files.push({ name, bytes })
    try {
      packStep.value = '正在生成监控表…'
      await exportEntries(meeting.agenda.value.entries)
      if (failed() === null) {
        packStep.value = '正在生成监控报告…'
        await exportReport()
      }
    } finally {
      deliver = download
    }
    try {
      const message = failed()
      if (message !== null) throw new Error(message.replace(/^导出失败：/, ''))
      if (files.length < 2) throw new Error('议程中没有项目，监控表未生成')
      packStep.value = '正在打包…'
      const { writeMeetingPack, meetingPackFileName } = await import('@/exporters/meetingPack')
      const code = monitor.departmentCode.value ?? monitor.projectData.value[0]?.project.departmentCode ?? ''
      download(writeMeetingPack({ files, date: toValue(today) }), meetingPackFileName(year, monitor.month.value, code), ZIP_TYPE)
    } catch (error) {
      failure.value = `会议材料打包失败：${describeError(error)}`
    } finally {
      packStep.value = null
    }
  }

  return {
    exportReport,
    exportPack,
    packStep: computed(() => packStep.value),
    isBusy: computed(() => isBusy.value || packStep.value !== null),
    failure: computed(() => failure.value),
    exportAll: () => exportEntries(meeting.agenda.value.entries),
    exportProject: (projectId: string) => {
      const entry = meeting.agenda.value.entries.find((e) => e.evaluation.project.id === projectId)
      return entry ? exportEntries([entry], entry.evaluation.project.name) : Promise.resolve()
    },
  }
}
