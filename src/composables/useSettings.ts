import { computed } from 'vue'
import { DEFAULT_THRESHOLDS, type Thresholds } from '@/domain/types'
import { saveSettingsLogged } from '@/db/changeLogRepository'
import type { SpendingEntryMode } from '@/domain/cumulativeSpending'
import type { TargetDisplay } from '@/domain/monitoringForm'
import { DEFAULT_SETTINGS, observeSettings, saveSettings } from '@/db/settingsRepository'
import { useLiveQuery } from './useLiveQuery'

/** Name written into the change log when the user has not given one. */
export const ANONYMOUS_ACTOR = '未署名'

/** Problems of a thresholds form, in Chinese, by field; empty when it can be saved. */
export function checkThresholds(t: Thresholds): Partial<Record<keyof Thresholds, string>> {
  const problems: Partial<Record<keyof Thresholds, string>> = {}
  const isNumber = (v: number) => typeof v === 'number' && Number.isFinite(v)
  if (!isNumber(t.yellowFrom) || t.yellowFrom > 0) problems.yellowFrom = '应为 0 或负数（个百分点），如 −5。'
  if (!isNumber(t.redBelow) || t.redBelow > 0) problems.redBelow = '应为 0 或负数（个百分点），如 −15。'
  else if (isNumber(t.yellowFrom) && t.redBelow >= t.yellowFrom) problems.redBelow = '红色界限应低于绿色下限，否则不会出现黄色。'
  if (!isNumber(t.levelTolerancePct) || t.levelTolerancePct < 0 || t.levelTolerancePct > 100) problems.levelTolerancePct = '应在 0 到 100 之间（% 目标值）。'
  if (!isNumber(t.mismatchPoints) || t.mismatchPoints < 0 || t.mismatchPoints > 100) problems.mismatchPoints = '应在 0 到 100 之间（个百分点）。'
  if (t.rules === 'fasp') {
    const pct = (v: number | undefined) => v !== undefined && isNumber(v) && v >= 0 && v <= 1000
    if (!pct(t.ratioGreenFrom)) problems.ratioGreenFrom = '应在 0 到 1000 之间（% 序时进度），如 80。'
    if (!pct(t.ratioRedBelow)) problems.ratioRedBelow = '应在 0 到 1000 之间（% 序时进度），如 60。'
    else if (pct(t.ratioGreenFrom) && (t.ratioRedBelow ?? 0) > (t.ratioGreenFrom ?? 0)) problems.ratioRedBelow = '红色界限不应高于绿色下限。'
    if (!pct(t.exceededFrom)) problems.exceededFrom = '应在 0 到 1000 之间（% 序时进度），如 120。'
    else if (pct(t.ratioGreenFrom) && (t.exceededFrom ?? 0) < (t.ratioGreenFrom ?? 0)) problems.exceededFrom = '超额界限应不低于绿色下限。'
  }
  return problems
}

/** Live settings with logged saving of the person's name and the thresholds. */
export function useSettings() {
  const settings = useLiveQuery(() => observeSettings(), DEFAULT_SETTINGS)
  const actor = computed(() => settings.data.value.actor.trim())
  const actorOrAnonymous = () => actor.value || ANONYMOUS_ACTOR
  return {
    settings: settings.data,
    isLoading: settings.isLoading,
    actor,
    actorOrAnonymous,
    saveActor: (name: string) => saveSettingsLogged({ actor: name.trim() }, name.trim() || ANONYMOUS_ACTOR),
    saveThresholds: (thresholds: Thresholds) => saveSettingsLogged({ thresholds: { ...thresholds } }, actorOrAnonymous()),
    /** Remembers the 录入 page's spending mode (monthly or 1–m月累计) across visits and tabs. */
    saveSpendingEntry: (mode: SpendingEntryMode) => saveSettings({ spendingEntry: mode }),
    /** Whether outputs print the adjusted target (original noted) or the original (adjusted noted); logged. */
    saveTargetDisplay: (display: TargetDisplay) => saveSettingsLogged({ targetDisplay: display }, actorOrAnonymous()),
    resetThresholds: () => saveSettingsLogged({ thresholds: { ...DEFAULT_THRESHOLDS } }, actorOrAnonymous()),
  }
}
