import { computed, shallowRef, toValue, type MaybeRefOrGetter } from 'vue'
import { evaluateShownAt } from '@/domain'
import { meetingReferenceDate } from '@/domain/agenda'
import { buildMonitoringWorkbookInput, type MonitoringWorkbookInput } from '@/domain/monitoringWorkbook'
import { thresholdsName } from '@/domain/presets'
import { activeProjectDataAt } from '@/domain/projectRegister'
import { checkSignOff, initialSignOff, type SignOff } from '@/domain/signOff'
import type { Month } from '@/domain/types'
import { loadMeetingData } from '@/db/meetingRepository'
import { loadCatalog, loadProjectData } from '@/db/monitorRepository'
import { loadReportedRounds } from '@/db/reportedRoundRepository'
import { getSettings, getSignOff, saveSignOff } from '@/db/settingsRepository'
import { describeError } from '@/db/storageErrors'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The round a workbook is of: one department's year and as-of month. */
export interface WorkbookRound {
  readonly year: number
  readonly departmentCode: string
  readonly month: Month
}

/** What else goes into the workbook besides 汇总 and the project sheets. */
export interface WorkbookOptions {
  /** Adds 会议决定, 议程项目合计, 整改清单 and 会议纪要 (the meeting of the round) */
  readonly withMeeting: boolean
  /** The sign-off block; absent = the department's saved one (or 填报人 from 设置) */
  readonly signOff?: SignOff
  /** Only this project's sheet (the 汇总 still sums up the whole department) */
  readonly projectId?: string
}

/** The local date (YYYY-MM-DD) of an ISO timestamp, as the 已报送 line prints it. */
function localDate(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso.slice(0, 10) : date.toLocaleDateString('sv-SE')
}

/**
 * Reads what a department's round stores and builds its workbook input (the figures shown on the
 * pages: the 已报送 round where reported). For the meeting pack as for the export buttons.
 */
export async function loadMonitoringWorkbookInput(round: WorkbookRound, today: string, options: WorkbookOptions): Promise<MonitoringWorkbookInput> {
  const scope = { year: round.year, departmentCode: round.departmentCode }
  const [catalog, rows, rounds, meeting, settings, stored] = await Promise.all([
    loadCatalog(),
    loadProjectData(scope),
    loadReportedRounds(scope),
    loadMeetingData(scope),
    getSettings(),
    options.signOff ? Promise.resolve(null) : getSignOff(round.departmentCode),
  ])
  const data = activeProjectDataAt(rows, round.month)
  const view = evaluateShownAt(data, rounds, round.month, settings.thresholds)
  const reported = view.rounds.find((r) => r.departmentCode === round.departmentCode) ?? null
  const departmentName = catalog.departments.find((d) => d.code === round.departmentCode)?.name ?? round.departmentCode
  const input = buildMonitoringWorkbookInput({
    ...round,
    departmentName,
    today,
    data,
    view,
    // Indicator notes cannot change while a month is 已报送 (saving them is refused), so today's are the round's.
    indicatorNotes: meeting.indicatorNotes,
    reportedOn: reported === null ? null : localDate(reported.reportedAt),
    signOff: options.signOff ?? initialSignOff(stored, settings.actor),
    presetName: thresholdsName(settings.thresholds),
    thresholds: settings.thresholds,
    // The 设置 switch: print the adjusted target (original noted) or the original (adjusted noted).
    display: settings.targetDisplay,
    ...(options.withMeeting ? { meeting: { ...meeting, referenceDate: meetingReferenceDate(round.year, round.month, today) } } : {}),
  })
  if (options.projectId === undefined) return input
  const forms = input.forms.filter((f) => f.projectId === options.projectId)
  const names = new Set(forms.map((f) => f.projectName))
  // One project's workbook: its sheet and its actions; 汇总 still sums up the whole department.
  const totals = input.totals.filter((t) => t.label === '部门合计')
  return { ...input, forms, totals, ...(input.actions ? { actions: input.actions.filter((a) => names.has(a.projectName)) } : {}) }
}

/** Offers a file for download under the given name. */
export function download(bytes: ArrayBuffer, fileName: string, type = XLSX_TYPE): void {
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
 * What `confirm` does with a checked and saved block instead of downloading the .xlsx (the
 * meeting pack builds its .zip with it); it reports its own failures.
 */
export type SignOffHandler = (signOff: SignOff) => Promise<void>

/**
 * The 监控表 export of a page: `request` opens the sign-off dialog (prefilled with the
 * department's saved block, else 填报人 from 设置); `confirm` checks and saves the block for the
 * department, then writes and downloads the workbook — or, when requested with `onConfirm`,
 * closes the dialog and hands the block on. exceljs loads on the first export.
 */
export function useWorkbookExport(round: MaybeRefOrGetter<WorkbookRound | null>, today: MaybeRefOrGetter<string>, withMeeting: boolean) {
  const isBusy = shallowRef(false)
  const failure = shallowRef<string | null>(null)
  const isDialogOpen = shallowRef(false)
  const draft = shallowRef<SignOff | null>(null)
  const projectId = shallowRef<string | undefined>(undefined)
  const projectName = shallowRef<string | undefined>(undefined)
  let handler: SignOffHandler | null = null
  /** True while the dialog was opened for another export (onConfirm) rather than the .xlsx. */
  const isHandedOn = shallowRef(false)

  /** Opens the dialog for the department's workbook, one project's sheet, or (onConfirm) another export. */
  async function request(project?: { readonly id: string; readonly name: string }, onConfirm?: SignOffHandler): Promise<void> {
    const current = toValue(round)
    failure.value = null
    if (current === null) {
      failure.value = '导出失败：请先选择一个部门。'
      return
    }
    try {
      const [stored, settings] = await Promise.all([getSignOff(current.departmentCode), getSettings()])
      draft.value = initialSignOff(stored, settings.actor)
      projectId.value = project?.id
      projectName.value = project?.name
      handler = onConfirm ?? null
      isHandedOn.value = handler !== null
      isDialogOpen.value = true
    } catch (error) {
      failure.value = `导出失败：${describeError(error)}`
    }
  }

  /**
   * The workbook's bytes and file name without a dialog or a download (for the meeting pack):
   * with `signOff`, or the department's saved block (填报人 from 设置 if none was saved).
   */
  async function write(signOff?: SignOff): Promise<{ readonly bytes: ArrayBuffer; readonly fileName: string }> {
    const current = toValue(round)
    if (current === null) throw new Error('请先选择一个部门')
    const input = await loadMonitoringWorkbookInput(current, toValue(today), { withMeeting, ...(signOff ? { signOff } : {}) })
    const { writeMonitoringWorkbook, monitoringWorkbookFileName } = await import('@/exporters/monitoringFormXlsx')
    return { bytes: await writeMonitoringWorkbook(input), fileName: monitoringWorkbookFileName(current.year, current.month, current.departmentCode) }
  }

  /** Saves the block and exports; returns the field errors instead when the block is not valid. */
  async function confirm(signOff: SignOff): Promise<Partial<Record<keyof SignOff, string>>> {
    const errors = checkSignOff(signOff)
    const current = toValue(round)
    if (Object.keys(errors).length > 0 || current === null) return errors
    isBusy.value = true
    failure.value = null
    try {
      await saveSignOff(current.departmentCode, signOff)
      if (handler !== null) {
        const onConfirm = handler
        isDialogOpen.value = false
        isBusy.value = false
        await onConfirm(signOff)
        return {}
      }
      const input = await loadMonitoringWorkbookInput(current, toValue(today), {
        withMeeting,
        signOff,
        ...(projectId.value === undefined ? {} : { projectId: projectId.value }),
      })
      const { writeMonitoringWorkbook, monitoringWorkbookFileName } = await import('@/exporters/monitoringFormXlsx')
      const bytes = await writeMonitoringWorkbook(input)
      download(bytes, monitoringWorkbookFileName(current.year, current.month, current.departmentCode, projectName.value))
      isDialogOpen.value = false
    } catch (error) {
      failure.value = `导出失败：${describeError(error)}`
    } finally {
      isBusy.value = false
    }
    return {}
  }

  return {
    request,
    confirm,
    write,
    isBusy: computed(() => isBusy.value),
    failure: computed(() => failure.value),
    isDialogOpen,
    isHandedOn: computed(() => isHandedOn.value),
    draft: computed(() => draft.value),
  }
}
