// 导出监控表 of a submission the bureau opens (/bureau/submission/:id): the .xlsx the department's
// meeting page exports, made from the submitted round. exceljs loads on the first export.
import { shallowRef, type Ref } from 'vue'
import { readRoundProjects } from '@/api/roundContent'
import { roundProjectData, roundThresholds } from '@/api/roundProjectData'
import type { Submission } from '@/api/types'
import { buildFormTotal } from '@/domain/formTotal'
import { buildMonitoringForm } from '@/domain/monitoringForm'
import { thresholdsName } from '@/domain/presets'
import { evaluateProjectData, noteOfMonth } from '@/domain/projectEvaluation'
import { MONTHS, type Month } from '@/domain/types'
import { describeError } from '@/db/storageErrors'
import type { MonitoringWorkbookInput } from '@/exporters/monitoringFormXlsx'

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The workbook input of a submission (every project, 部门合计), dated `date` (YYYY-MM-DD). */
export function submissionWorkbookInput(submission: Submission, date: string): MonitoringWorkbookInput | null {
  const month = MONTHS.find((m) => m === submission.month) as Month | undefined
  if (month === undefined) return null
  const { code, name } = submission.department
  const thresholds = roundThresholds(submission.content)
  const data = readRoundProjects(submission.content).map((p) => roundProjectData(p, submission.year, code, month))
  const evaluations = data.map((row) => evaluateProjectData(row, month, thresholds))
  const forms = evaluations.map((evaluation, index) => buildMonitoringForm(evaluation, noteOfMonth(data[index]!.notes, month), name))
  return {
    departmentCode: code,
    departmentName: name,
    year: submission.year,
    month,
    date,
    forms,
    totals: [buildFormTotal('部门合计', evaluations)],
    presetName: thresholdsName(thresholds),
  }
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
