/**
 * Warning presets (domain.md "Warning presets seen in use"): named sets of thresholds, each
 * with its rule family, and the status rules of every family. Spending, indicators and the
 * project's combined light are judged here; the figures themselves (执行率, 完成进度) are not.
 *
 * Glossary: 预警方案 preset, 序时进度 timeProgress T(m) = m/12, 超额 exceeded (blue),
 * 财政一体化 'fasp' (the finance bureau's integrated system), 合肥 'hefei', 四川 'sichuan'.
 */
import { timeProgress } from './planCurve'
import { comparable, spendStatus, worstStatus } from './status'
import { DEFAULT_THRESHOLDS, STATUS_LABELS, type ManualStatus, type Month, type Operator, type Status, type ThresholdRules, type Thresholds } from './types'

export type PresetId = 'default' | 'fasp' | 'hefei' | 'sichuan'

export interface Preset {
  readonly id: PresetId
  /** Its name as users know it, shown on every page and output. */
  readonly name: string
  /** One line on what it judges, for 设置. */
  readonly summary: string
  readonly thresholds: Required<Thresholds>
}

/** 财政一体化 bands on the ratio to pace, in %: below 60 red, 60–80 yellow, 80 and above green, 120 and above 超额. */
const FASP_BANDS = { ratioRedBelow: 60, ratioGreenFrom: 80, exceededFrom: 120 } as const

/** The full thresholds of our own rules, with the 财政一体化 bands filled in so every preset has every key. */
const PLAN_THRESHOLDS: Required<Thresholds> = { ...DEFAULT_THRESHOLDS, rules: 'plan', ...FASP_BANDS }

export const PRESETS: readonly Preset[] = [
  {
    id: 'default',
    name: '本系统默认',
    summary: '对照支出计划曲线：偏差 ≥ −5 个百分点为绿，−15 至 −5 为黄，低于 −15 为红。',
    thresholds: PLAN_THRESHOLDS,
  },
  {
    id: 'fasp',
    name: '财政一体化',
    summary: '执行率 ÷ 序时进度：低于 60% 为红，60%–80% 为黄，80% 及以上为绿；累计指标同样对比序时，120% 及以上为蓝（超额）；水平指标对比全年目标；≤ 类指标只分绿、红；定性指标人工评定：达成目标为绿，部分达成目标并具有一定效果为黄，未达成目标且效果较差为红。',
    thresholds: { ...PLAN_THRESHOLDS, rules: 'fasp' },
  },
  {
    id: 'hefei',
    name: '合肥',
    summary: '支出达到序时进度（偏差 ≥ −5 个百分点）且目标达成为绿，达到序时但目标未达成为黄，落后序时为红。',
    thresholds: { ...PLAN_THRESHOLDS, rules: 'hefei' },
  },
  {
    id: 'sichuan',
    name: '四川',
    summary: '累计执行率低于节点底线为红（1–4月 25%，1–6月 40%，1–8月 60%，1–10月 80%），否则为绿；指标按本系统默认规则；双监控相差超过 10 个百分点提示。',
    thresholds: { ...PLAN_THRESHOLDS, rules: 'sichuan' },
  },
]

export const RULE_NAMES: Readonly<Record<ThresholdRules, string>> = {
  plan: '本系统默认',
  fasp: '财政一体化',
  hefei: '合肥',
  sichuan: '四川',
}

/** The rule family of thresholds; absent (settings saved before presets) is our own 'plan'. */
export function rulesOf(t: Thresholds): ThresholdRules {
  return t.rules ?? 'plan'
}

/** Thresholds with every key present: missing 财政一体化 bands take the preset's values. */
export function completeThresholds(t: Thresholds): Required<Thresholds> {
  return { ...PLAN_THRESHOLDS, ...t, rules: rulesOf(t) }
}

/** The preset these thresholds are exactly, or null when a value was edited (自定义). */
export function presetOf(t: Thresholds): Preset | null {
  const full = completeThresholds(t)
  const keys = Object.keys(full) as (keyof Thresholds)[]
  return PRESETS.find((p) => keys.every((key) => p.thresholds[key] === full[key])) ?? null
}

/** The name shown on pages and outputs: the preset's, or 自定义 with the rules it follows. */
export function thresholdsName(t: Thresholds): string {
  const preset = presetOf(t)
  return preset !== null ? preset.name : `自定义（${RULE_NAMES[rulesOf(t)]}规则）`
}

/**
 * 四川 floor of cumulative 执行率 at month m, in % of budget: that of the latest floor month
 * reached (4月 25, 6月 40, 8月 60, 10月 80); null before 4月, when there is none yet.
 */
export function sichuanFloor(month: Month): number | null {
  if (month >= 10) return 80
  if (month >= 8) return 60
  if (month >= 6) return 40
  if (month >= 4) return 25
  return null
}

/** 财政一体化 band of a ratio to pace (%): red below 60, yellow below 80, else green; 超额 from 120 when allowed. */
export function faspBand(ratio: number, t: Thresholds, canExceed: boolean): Status {
  const full = completeThresholds(t)
  const v = comparable(ratio)
  if (v < full.ratioRedBelow) return 'red'
  if (v < full.ratioGreenFrom) return 'yellow'
  return canExceed && v >= full.exceededFrom ? 'exceeded' : 'green'
}

/**
 * Spend status at month m from 执行率 and P(m) (both % of budget) under the thresholds' rules;
 * null rate → 未填报. plan: rule 3 on 执行率 − P(m); fasp: 执行率 ÷ T(m); hefei: 执行率 − T(m) ≥
 * yellowFrom is green, else red; sichuan: below the month's floor red, else green.
 */
export function judgeSpend(executionRate: number | null, planned: number, month: Month, t: Thresholds = DEFAULT_THRESHOLDS): Status {
  if (executionRate === null || Number.isNaN(executionRate)) return 'unreported'
  const elapsed = timeProgress(month)
  switch (rulesOf(t)) {
    case 'plan':
      return spendStatus(executionRate - planned, t)
    case 'fasp':
      return faspBand((executionRate / elapsed) * 100, t, false)
    case 'hefei':
      return comparable(executionRate - elapsed) >= t.yellowFrom ? 'green' : 'red'
    case 'sichuan': {
      const floor = sichuanFloor(month)
      return floor !== null && comparable(executionRate) < floor ? 'red' : 'green'
    }
  }
}

/**
 * Status of a cumulative ≥ indicator from its 完成进度 (% of target) and T(m) (%): fasp on the
 * ratio completion ÷ T(m) with 超额; every other family by rule 4 (completion − T(m), rule 3's bands).
 */
export function judgeCumulative(completion: number | null, elapsed: number, t: Thresholds = DEFAULT_THRESHOLDS): Status {
  if (completion === null) return 'unreported'
  if (rulesOf(t) === 'fasp') return elapsed === 0 ? 'green' : faspBand((completion / elapsed) * 100, t, true)
  return spendStatus(completion - elapsed, t)
}

/**
 * Status of a level indicator with a value: rule 5 (met green, missed by ≤ levelTolerancePct % of V
 * yellow, else red); fasp: a ceiling met green else red, otherwise value ÷ V on its bands with 超额.
 */
export function judgeLevel(actual: number, operator: Operator, target: number, isMet: boolean, t: Thresholds = DEFAULT_THRESHOLDS): Status {
  if (rulesOf(t) === 'fasp') {
    if (operator === '<=' || operator === '<' || target === 0) return isMet ? 'green' : 'red'
    return faspBand((actual / target) * 100, t, true)
  }
  if (isMet) return 'green'
  const tolerance = (Math.abs(target) * t.levelTolerancePct) / 100
  return comparable(Math.abs(actual - target)) <= comparable(tolerance) ? 'yellow' : 'red'
}

/** 财政一体化's grades of a 定性 indicator, by the light the user sets by hand. */
export const FASP_QUALITATIVE_LABELS: Readonly<Record<ManualStatus, string>> = {
  green: '达成目标',
  yellow: '部分达成目标并具有一定效果',
  red: '未达成目标且效果较差',
}

/**
 * How a 定性 indicator's hand-set light is written under the thresholds' rules: 财政一体化 by its
 * three grades, every other family as any light (绿·正常…). It has no ratio to pace, so never 超额.
 */
export function qualitativeStatusLabel(status: Status, t: Thresholds = DEFAULT_THRESHOLDS): string {
  if (status === 'unreported') return STATUS_LABELS.unreported
  const manual: ManualStatus = status === 'exceeded' ? 'green' : status
  return rulesOf(t) === 'fasp' ? FASP_QUALITATIVE_LABELS[manual] : STATUS_LABELS[manual]
}

/**
 * A project's light from its spend and indicator statuses (rule 7 before the likelihood): the
 * worst of them, except 合肥: behind 序时 red; on 序时 with any goal missed (黄/红) yellow, else green.
 */
export function combineStatuses(spend: Status, indicators: readonly Status[], t: Thresholds = DEFAULT_THRESHOLDS): Status {
  if (rulesOf(t) === 'hefei' && spend !== 'unreported') {
    if (spend === 'red') return 'red'
    return indicators.some((s) => s === 'red' || s === 'yellow') ? 'yellow' : spend
  }
  return worstStatus([spend, ...indicators])
}
