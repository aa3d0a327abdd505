/**
 * Per-indicator monitoring notes of a round (监控表, one row per indicator): 1–m月执行情况 and
 * 全年预计完成情况 from the evaluation (全年预计 may be rewritten by the user), 偏差原因 (any of
 * the five), 完成目标可能性 (suggested by rule 9, confirmed by the user), 原因说明 and 备注.
 * An indicator on track (绿) needs nothing: it reads 正常 and asks for no note.
 *
 * Glossary: 监控说明（指标） indicator note, 执行情况 actual, 全年预计 forecast.
 */
import type { IndicatorEvaluation } from './indicatorEvaluation'
import { buildIndicatorRow } from './formIndicatorRow'
import { suggestIndicatorLikelihood } from './likelihood'
import { isLaggingStatus } from './status'
import type { DeviationReason, Likelihood, Month } from './types'

/** The note of one indicator for the round of as-of month `month`. */
export interface IndicatorNote {
  readonly indicatorId: string
  /** Denormalised for per-project queries. */
  readonly projectId: string
  readonly month: Month
  readonly reasons: readonly DeviationReason[]
  /** 完成目标可能性 confirmed by the user; null = not confirmed (the suggestion shows) */
  readonly likelihood: Likelihood | null
  /** 原因说明 */
  readonly explanation: string
  /** 备注 */
  readonly remark: string
  /** 全年预计完成情况 as rewritten by the user; null = the computed one */
  readonly forecast: string | null
}

/** What the note form and the report show for one indicator. */
export interface IndicatorNoteRow {
  readonly evaluation: IndicatorEvaluation
  /** 年度指标值, e.g. "≥100 件" */
  readonly target: string
  /** 1–m月执行情况, e.g. "63 件", or 未填报 */
  readonly actualText: string
  /** 全年预计完成情况 the app computes (rule 9), e.g. "108 件"; '' for a qualitative one */
  readonly computedForecast: string
  /** 全年预计完成情况 shown: the user's when given, else the computed one */
  readonly forecast: string
  /** 黄 or 红: the round asks for 偏差原因, 原因说明 and 完成目标可能性 */
  readonly needsNote: boolean
  /** The app's 完成目标可能性 for it (rule 9); null when 未填报 */
  readonly suggested: Likelihood | null
  /** The user's confirmed one, else the suggestion */
  readonly likelihood: Likelihood | null
  readonly isLikelihoodConfirmed: boolean
  readonly note: IndicatorNote | null
}

/** An empty note of an indicator (what a form starts from). */
export function emptyIndicatorNote(indicatorId: string, projectId: string, month: Month): IndicatorNote {
  return { indicatorId, projectId, month, reasons: [], likelihood: null, explanation: '', remark: '', forecast: null }
}

/** True when the note holds nothing a user wrote (it need not be stored). */
export function isIndicatorNoteEmpty(note: IndicatorNote): boolean {
  return note.reasons.length === 0 && note.likelihood === null && note.explanation === '' && note.remark === '' && note.forecast === null
}

/** The note rows of a project's indicators at its as-of month; `notes` may hold any months and projects. */
export function buildIndicatorNoteRows(
  indicators: readonly IndicatorEvaluation[],
  notes: readonly IndicatorNote[],
  month: Month,
): readonly IndicatorNoteRow[] {
  const byIndicator = new Map(notes.filter((n) => n.month === month).map((n) => [n.indicatorId, n]))
  return indicators.map((evaluation) => {
    const form = buildIndicatorRow(evaluation)
    const note = byIndicator.get(evaluation.indicator.id) ?? null
    const suggested = suggestIndicatorLikelihood(evaluation)
    const computedForecast = form.forecastText
    return {
      evaluation,
      target: form.target,
      actualText: form.actualText,
      computedForecast,
      forecast: note?.forecast ?? computedForecast,
      needsNote: isLaggingStatus(evaluation.status),
      suggested,
      likelihood: note?.likelihood ?? suggested,
      isLikelihoodConfirmed: note?.likelihood != null,
      note,
    }
  })
}
