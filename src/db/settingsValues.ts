import { DEFAULT_THRESHOLDS, type ThresholdRules, type Thresholds } from '@/domain/types'

/** Settings values read from their stored rows (no database here: the upgrade and restore read them too). */

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

const RULES: readonly ThresholdRules[] = ['plan', 'fasp', 'hefei', 'sichuan']

/** The thresholds saved in the settings row 'thresholds' (defaults for what is missing or invalid). */
export function readThresholds(value: unknown): Thresholds {
  if (!isObject(value)) return DEFAULT_THRESHOLDS
  const number = (key: keyof Thresholds) => {
    const candidate = value[key]
    return typeof candidate === 'number' && Number.isFinite(candidate) ? candidate : undefined
  }
  const pick = (key: 'yellowFrom' | 'redBelow' | 'levelTolerancePct' | 'mismatchPoints') => number(key) ?? DEFAULT_THRESHOLDS[key]
  const thresholds: Thresholds = {
    yellowFrom: pick('yellowFrom'),
    redBelow: pick('redBelow'),
    levelTolerancePct: pick('levelTolerancePct'),
    mismatchPoints: pick('mismatchPoints'),
  }
  // The preset keys are absent in settings saved before presets: those keep our own rules.
  const rules = RULES.find((r) => r === value.rules)
  const bands = { ratioGreenFrom: number('ratioGreenFrom'), ratioRedBelow: number('ratioRedBelow'), exceededFrom: number('exceededFrom') }
  const present = Object.fromEntries(Object.entries(bands).filter(([, v]) => v !== undefined))
  return rules === undefined ? { ...thresholds, ...present } : { ...thresholds, rules, ...present }
}
