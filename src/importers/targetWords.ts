import type { IndicatorKind, Operator } from '../domain/types'
import { toMatchable } from './normalize'

/**
 * The words of a 指标值 cell (see parseTarget.ts): comparison operators written as symbols
 * or words, the suffixes that imply one (以上, 以内 …), and the units that decide whether an
 * indicator accumulates month by month (件, 次 …) or is a level (%, 天 …).
 */

/** Operator words and symbols, longest first so `大于等于` wins over `大于`. */
export const OPERATOR_WORDS: ReadonlyArray<readonly [string, Operator]> = sortLongestFirst([
  ['大于或等于', '>='],
  ['大于等于', '>='],
  ['不低于', '>='],
  ['不少于', '>='],
  ['不小于', '>='],
  ['至少', '>='],
  ['达到', '>='],
  ['>=', '>='],
  ['=>', '>='],
  ['≥', '>='],
  ['≧', '>='],
  ['⩾', '>='],
  ['小于或等于', '<='],
  ['小于等于', '<='],
  ['不高于', '<='],
  ['不超过', '<='],
  ['不多于', '<='],
  ['不大于', '<='],
  ['至多', '<='],
  ['最多', '<='],
  ['<=', '<='],
  ['=<', '<='],
  ['≤', '<='],
  ['≦', '<='],
  ['⩽', '<='],
  ['大于', '>'],
  ['高于', '>'],
  ['超过', '>'],
  ['多于', '>'],
  ['>', '>'],
  ['小于', '<'],
  ['低于', '<'],
  ['少于', '<'],
  ['<', '<'],
  ['等于', '='],
  ['==', '='],
  ['=', '='],
])

/** Suffixes that imply an operator, longest first. */
export const SUFFIXES: ReadonlyArray<readonly [string, Operator]> = sortLongestFirst([
  ['及以上', '>='],
  ['或以上', '>='],
  ['及其以上', '>='],
  ['以上', '>='],
  ['及以下', '<='],
  ['或以下', '<='],
  ['及其以下', '<='],
  ['以下', '<='],
  ['以内', '<='],
  ['之内', '<='],
  ['内', '<='],
])

/** Units of a count that is summed over months (a cumulative indicator). */
const COUNT_UNITS: readonly string[] = [
  '件', '次', '场次', '场', '人次', '份', '个', '项', '人', '户', '篇', '期', '册', '批', '家',
  '所', '起', '条', '套', '台', '辆', '本', '张', '间', '座', '处', '名', '宗', '例', '部',
  '轮', '课时', '学时', '家次', '户次', '篇次', '批次', '个村', '村', '万人次', '万人',
  '台次', '辆次', '架次', '车次', '人/次', '个次',
  // Physical output (built, planted, delivered) also accumulates month by month.
  '平方米', '㎡', '公里', '千米', '米', '亩', '吨', '株', '棵',
]

/** Units of a value measured as of a month (a level indicator). */
const LEVEL_UNITS: readonly string[] = [
  '%', '‰', '个百分点', '百分点', '天', '日', '个工作日', '工作日', '小时', '分钟', '个月', '月',
  '年', '周', '元', '万元', '亿元', '元/人', '元/次', '分', '星', '级', '倍', '岁', '℃',
  '万元/人', '元/人·天', '元/人天', '元/人·月', '元/人/天', '元/天', '元/月', '元/年', '元/平方米', '万元/公里',
]

/** Every unit the importer knows (and 百分比, read as %), longest first. */
export const KNOWN_UNITS: readonly string[] = sortLongestFirst(
  [...COUNT_UNITS, ...LEVEL_UNITS, '百分比'].map((unit) => [unit, unit] as const),
).map(([unit]) => unit)

function sortLongestFirst<T>(
  entries: ReadonlyArray<readonly [string, T]>,
): ReadonlyArray<readonly [string, T]> {
  return [...entries].sort((a, b) => b[0].length - a[0].length)
}

/** The first entry of `table` that `text` starts with. */
export function matchPrefix<T>(
  text: string,
  table: ReadonlyArray<readonly [string, T]>,
): readonly [string, T] | null {
  return table.find(([word]) => text.startsWith(word)) ?? null
}

/** The value of the entry of `table` that is exactly `text`. */
export function matchExact<T>(text: string, table: ReadonlyArray<readonly [string, T]>): T | null {
  return table.find(([word]) => text === word)?.[1] ?? null
}

/** True for an operator that asks for more (≥, >). */
export function isUp(operator: Operator): boolean {
  return operator === '>=' || operator === '>'
}

/** The unit as stored: 百分比 becomes %. */
export function normalizeUnit(unit: string): string {
  return unit === '百分比' ? '%' : unit
}

/** Cumulative for a count unit (件, 次 …), level for any other. */
export function kindOfUnit(unit: string): IndicatorKind {
  if (COUNT_UNITS.includes(unit)) return 'cumulative'
  return 'level'
}

/** The operator written in a 指标性质 / operator column (≥, 大于等于 …), or null. */
export function parseOperatorWord(text: string): Operator | null {
  return matchExact(toMatchable(text).replace(/\s+/g, ''), OPERATOR_WORDS)
}
