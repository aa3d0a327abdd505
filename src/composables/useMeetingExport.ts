import { computed, shallowRef, type MaybeRefOrGetter } from 'vue'
import { actionsAtMonth } from '@/domain/agenda'
import { buildMonitoringReport } from '@/domain/monitoringReport'
import { describeError } from '@/db/storageErrors'
import type { MeetingState } from './useMeeting'
import { download, useWorkbookExport } from './useWorkbookExport'

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/**
 * The meeting page's exports: the 项目支出绩效目标执行监控表 (.xlsx) of the meeting's department —
 * every project, with 整改清单 and 会议纪要, after the sign-off dialog (useWorkbookExport) — and
 * the 监控报告 draft (.docx). The exporters and their libraries load only on the first export.
 */
export function useMeetingExport(meeting: MeetingState, today: MaybeRefOrGetter<string>) {
  const isBusy = shallowRef(false)
  const failure = shallowRef<string | null>(null)
  const round = computed(() => {
    const year = meeting.monitor.year.value
    const departmentCode = meeting.record.value?.departmentCode ?? null
    return year === null || departmentCode === null ? null : { year, departmentCode, month: meeting.monitor.month.value }
  })
  const workbook = useWorkbookExport(round, today, true)

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
      download(await writeMonitoringReportDocx(report), monitoringReportFileName(year, month, code), DOCX_TYPE)
    } catch (error) {
      failure.value = `导出失败：${describeError(error)}`
    } finally {
      isBusy.value = false
    }
  }

  return {
    exportReport,
    workbook,
    isBusy: computed(() => isBusy.value || workbook.isBusy.value),
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
