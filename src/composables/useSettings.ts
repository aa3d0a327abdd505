import { computed } from 'vue'
import { DEFAULT_THRESHOLDS, type Thresholds } from '@/domain/types'
import { saveSettingsLogged } from '@/db/changeLogRepository'
import type { SpendingEntryMode } from '@/domain/cumulativeSpending'
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
    resetThresholds: () => saveSettingsLogged({ thresholds: { ...DEFAULT_THRESHOLDS } }, actorOrAnonymous()),
  }
}
