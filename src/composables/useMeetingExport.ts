import { computed, shallowRef, toValue, type MaybeRefOrGetter } from 'vue'
import { actionsAtMonth } from '@/domain/agenda'
import { buildMonitoringReport } from '@/domain/monitoringReport'
import { describeError } from '@/db/storageErrors'
import type { SignOff } from '@/domain/signOff'
import type { PackFile } from '@/exporters/meetingPack'
import type { AgendaMeetingState } from './useMeeting'
import { download, useWorkbookExport } from './useWorkbookExport'

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const ZIP_TYPE = 'application/zip'

/**
 * The meeting page's exports: the 项目支出绩效目标执行监控表 (.xlsx) of the meeting's department —
 * every project, with 整改清单 and 会议纪要, after the sign-off dialog (useWorkbookExport) — the
 * 监控报告 draft (.docx), and the meeting pack (.zip of both, after the same dialog). The
 * exporters and their libraries load only on the first export.
 */
/** What the exports read of the meeting page's meeting. */
export type ExportedMeeting = Pick<AgendaMeetingState, 'monitor' | 'record' | 'meetingData' | 'departmentName' | 'referenceDate' | 'loadScope'>

export function useMeetingExport(meeting: ExportedMeeting, today: MaybeRefOrGetter<string>) {
  const isBusy = shallowRef(false)
  const failure = shallowRef<string | null>(null)
  /** The meeting pack's step while it is built (监控表, 监控报告, 打包), else null. */
  const packStep = shallowRef<string | null>(null)
  const round = computed(() => {
    const year = meeting.monitor.year.value
    const departmentCode = meeting.record.value?.departmentCode ?? null
    return year === null || departmentCode === null ? null : { year, departmentCode, month: meeting.monitor.month.value }
  })
  const workbook = useWorkbookExport(round, today, true)

  /** The 监控报告 draft (.docx) of the round over every project of the scope, with its file name. */
  async function writeReport(year: number): Promise<{ readonly name: string; readonly bytes: ArrayBuffer }> {
    const { monitor } = meeting
    const month = monitor.month.value
    // The meeting page shows stored figures: every project is read and evaluated for the report.
    const [{ writeMonitoringReportDocx, monitoringReportFileName }, scope] = await Promise.all([import('@/exporters/monitoringReportDocx'), meeting.loadScope()])
    const data = meeting.meetingData.value
    const report = buildMonitoringReport({
      departmentName: meeting.departmentName.value,
      year,
      month,
      evaluations: scope.evaluations,
      notes: scope.projectData.flatMap((row) => row.notes),
      indicatorNotes: data.indicatorNotes,
      actions: actionsAtMonth(data.actions, month, meeting.referenceDate.value),
      projectNames: new Map(scope.evaluations.map((e) => [e.project.id, e.project.name])),
      thresholds: monitor.settings.value.thresholds,
    })
    const code = monitor.departmentCode.value ?? scope.evaluations[0]?.project.departmentCode ?? ''
    return { bytes: await writeMonitoringReportDocx(report), name: monitoringReportFileName(year, month, code) }
  }

  /** Downloads the 监控报告 draft (.docx); docx loads on first use. */
  async function exportReport(): Promise<void> {
    const year = meeting.monitor.year.value
    if (year === null) return
    isBusy.value = true
    failure.value = null
    try {
      const file = await writeReport(year)
      download(file.bytes, file.name, DOCX_TYPE)
    } catch (error) {
      failure.value = `导出失败：${describeError(error)}`
    } finally {
      isBusy.value = false
    }
  }

  /**
   * The one-file meeting pack (.zip): the department's 监控表 workbook as 导出监控表 writes it, with
   * the sign-off block confirmed in the same dialog (saved for the department), and the 监控报告
   * draft as 导出监控报告 does; fflate loads on first use.
   */
  async function buildPack(signOff: SignOff): Promise<void> {
    const year = meeting.monitor.year.value
    const current = round.value
    if (year === null || packStep.value !== null) return
    failure.value = null
    try {
      if (current === null) throw new Error('请先选择一个部门')
      packStep.value = '正在生成监控表…'
      const sheet = await workbook.write(signOff)
      packStep.value = '正在生成监控报告…'
      const report = await writeReport(year)
      packStep.value = '正在打包…'
      const { writeMeetingPack, meetingPackFileName } = await import('@/exporters/meetingPack')
      const files: PackFile[] = [{ name: sheet.fileName, bytes: sheet.bytes }, report]
      download(writeMeetingPack({ files, date: toValue(today) }), meetingPackFileName(year, current.month, current.departmentCode), ZIP_TYPE)
    } catch (error) {
      failure.value = `会议材料打包失败：${describeError(error)}`
    } finally {
      packStep.value = null
    }
  }

  /** Opens the sign-off dialog; its 导出 builds and downloads the pack. */
  async function exportPack(): Promise<void> {
    if (packStep.value !== null) return
    failure.value = null
    await workbook.request(undefined, buildPack)
  }

  return {
    exportReport,
    exportPack,
    workbook,
    packStep: computed(() => packStep.value),
    isBusy: computed(() => isBusy.value || workbook.isBusy.value || packStep.value !== null),
    failure: computed(() => failure.value ?? workbook.failure.value),
    /** Opens the sign-off dialog for the whole department's workbook. */
    exportAll: () => workbook.request(),
    /** Opens the sign-off dialog for one project's sheet (with the 汇总 of the department). */
    exportProject: (projectId: string) => {
      const evaluation = meeting.monitor.evaluations.value.find((e) => e.project.id === projectId)
      return evaluation ? workbook.request({ id: projectId, name: evaluation.project.name }) : Promise.resolve()
    },
  }
}
