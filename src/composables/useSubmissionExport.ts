// 导出监控表 of a submission the bureau opens (/bureau/submission/:id): the .xlsx the department's
// meeting page exports, made from the submitted round. exceljs loads on the first export.
import { shallowRef, type Ref } from 'vue'
import { readRoundProjects, type RoundContent } from '@/api/roundContent'
import { roundProjectData, roundThresholds } from '@/api/roundProjectData'
import type { Submission } from '@/api/types'
import type { IndicatorNote } from '@/domain/indicatorNotes'
import { buildMonitoringWorkbookInput, type MonitoringWorkbookInput } from '@/domain/monitoringWorkbook'
import { thresholdsName } from '@/domain/presets'
import { evaluateShownAt } from '@/domain/reportedRound'
import { MONTHS, type Month } from '@/domain/types'
import { describeError } from '@/db/storageErrors'

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The local date (YYYY-MM-DD) of an ISO timestamp, as the 已报送 line prints it. */
function localDate(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso.slice(0, 10) : date.toLocaleDateString('sv-SE')
}

/**
 * The workbook input of a submission (every project with its per-indicator notes, 部门合计), dated
 * `date` (YYYY-MM-DD), built as the department's own export builds it; 已报送 on the day reported.
 */
export function submissionWorkbookInput(submission: Submission, date: string): MonitoringWorkbookInput | null {
  const month = MONTHS.find((m) => m === submission.month) as Month | undefined
  if (month === undefined) return null
  const { code, name } = submission.department
  const thresholds = roundThresholds(submission.content)
  const projects = readRoundProjects(submission.content)
  const data = projects.map((p) => roundProjectData(p, submission.year, code, month))
  // The submitted figures are the frozen round's: evaluated as they stand, with no later round to compare.
  const view = evaluateShownAt(data, [], month, thresholds)
  const indicatorNotes: IndicatorNote[] = projects.flatMap((p) =>
    p.indicators.flatMap((i) => (i.note ? [{ ...i.note, indicatorId: i.id, projectId: p.id, month }] : [])),
  )
  const reportedAt = (submission.content as Partial<RoundContent> | null)?.round?.reportedAt ?? submission.submittedAt
  return buildMonitoringWorkbookInput({
    departmentCode: code,
    departmentName: name,
    year: submission.year,
    month,
    today: date,
    data,
    view,
    indicatorNotes,
    reportedOn: localDate(reportedAt),
    presetName: thresholdsName(thresholds),
  })
}

export function useSubmissionExport(submission: Ref<Submission | null>) {
  const isBusy = shallowRef(false)
  const failure = shallowRef<string | null>(null)

  async function exportWorkbook(): Promise<void> {
    const s = submission.value
    if (!s || isBusy.value) return
    isBusy.value = true
    failure.value = null
    try {
      const input = submissionWorkbookInput(s, new Date().toLocaleDateString('sv-SE'))
      if (input === null || input.forms.length === 0) throw new Error('这份报送没有可导出的项目。')
      const { writeMonitoringWorkbook, monitoringWorkbookFileName } = await import('@/exporters/monitoringFormXlsx')
      const bytes = await writeMonitoringWorkbook(input)
      const name = monitoringWorkbookFileName(input.year, input.month, input.departmentCode).replace(/\.xlsx$/, `_第${s.revision}版.xlsx`)
      const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_TYPE }))
      const link = document.createElement('a')
      link.href = url
      link.download = name
      document.body.append(link)
      link.click()
      link.remove()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
    } catch (error) {
      failure.value = `导出失败：${describeError(error)}`
    } finally {
      isBusy.value = false
    }
  }

  return { isBusy, failure, exportWorkbook }
}
