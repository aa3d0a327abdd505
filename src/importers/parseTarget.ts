import type { IndicatorKind, IndicatorTarget, Operator } from '../domain/types'
import { toMatchable } from './normalize'
import {
  isUp,
  KNOWN_UNITS,
  kindOfUnit,
  matchExact,
  matchPrefix,
  normalizeUnit,
  OPERATOR_WORDS,
  parseOperatorWord,
  SUFFIXES,
} from './targetWords'

export { parseOperatorWord } from './targetWords'

/**
 * Reading a 指标值 cell (`≥100100件以上`, `不低于95%`, `优良`) into an IndicatorTarget.
 *
 * Grammar, after half-width normalization and removing spaces:
 *   [operator] number [unit] [suffix]
 * operator: a symbol (≥ ≤ >= ＞＝ …) or a word (大于等于, 不低于, 不超过 …);
 * suffix: 以上 / 及以上 / 以下 / 以内 / 内 … which also implies an operator.
 * Anything else is qualitative (no number), and keeps its text in `raw`. The operators,
 * suffixes and units themselves are listed in targetWords.ts.
 */

/** Extra columns and names that help to read one 指标值 cell. */
export interface TargetContext {
  /** 三级指标 */
  readonly name?: string
  /** 绩效指标描述 */
  readonly description?: string
  /** 度量单位 / 计量单位 column, used when the cell has a number only. */
  readonly unit?: string
  /** 指标性质 column: 定量 / 定性, or the operator itself (≥, 大于等于 …). */
  readonly nature?: string
  /** 指标方向 column: 正向 (higher is better) / 反向 (lower is better). */
  readonly direction?: string
}

export interface TargetParse {
  readonly target: IndicatorTarget
  /** Chinese, each starting with 指标值「raw」 so it names the cell. */
  readonly warnings: string[]
}

const NUMBER = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?/
/** Characters that make a tail a date or a phrase (11月底之前, 2个月后), never a unit. */
const NOT_UNIT = /[前后底末之年月日号时第\d]/
const RATE_ENDINGS = /(率|满意度|满意率|占比|比例|比重)$/

/** True when the indicator is a rate: its name or description ends in 率 / 满意度 …. */
export function isRateIndicator(context: TargetContext | undefined): boolean {
  const name = toMatchable(context?.name?.trim() ?? '')
  const description = toMatchable(context?.description?.trim() ?? '')
  return RATE_ENDINGS.test(name) || RATE_ENDINGS.test(description)
}

interface Pieces {
  readonly prefix: Operator | null
  readonly digits: string
  readonly fraction: string
  readonly unit: string
  readonly suffix: Operator | null
  /** Set when a number with a decimal point or thousands separator was written twice (`0.50.5`). */
  readonly doubled?: string
}

/** Splits a normalized cell into operator, number, unit and suffix; null when it is not that shape. */
function splitCell(text: string): Pieces | null {
  const prefixMatch = matchPrefix(text, OPERATOR_WORDS)
  const afterPrefix = prefixMatch ? text.slice(prefixMatch[0].length) : text
  const doubled = doubledDecimal(afterPrefix)
  const numberMatch = doubled ? NUMBER.exec(doubled) : NUMBER.exec(afterPrefix)
  if (!numberMatch) return null
  const digits = numberMatch[1] ?? ''
  const fraction = numberMatch[2] ?? ''
  const tail = doubled ? afterPrefix.slice(doubled.length * 2) : afterPrefix.slice(numberMatch[0].length)

  const split = splitTail(tail)
  if (!split) return null
  const pieces = { prefix: prefixMatch?.[1] ?? null, digits, fraction, unit: split.unit, suffix: split.suffix }
  return doubled ? { ...pieces, doubled } : pieces
}

/**
 * A number with a decimal point or thousands separator written twice at the start of the
 * text (`0.50.5%以下`, `1,2001,200台次以上`): the number once, else null. Plain digit runs
 * (`100100`) are left to readDigits, which weighs them with the cell's comparison.
 */
function doubledDecimal(text: string): string | null {
  const whole = /^[\d.,]+/.exec(text)?.[0] ?? ''
  if (whole.length % 2 !== 0) return null
  const half = whole.slice(0, whole.length / 2)
  if (half + half !== whole || !/[.,]/.test(half)) return null
  return NUMBER.exec(half)?.[0] === half ? half : null
}

function splitTail(tail: string): { unit: string; suffix: Operator | null } | null {
  if (tail === '') return { unit: '', suffix: null }
  const suffixOnly = matchExact(tail, SUFFIXES)
  if (suffixOnly) return { unit: '', suffix: suffixOnly }
  for (const unit of KNOWN_UNITS) {
    if (!tail.startsWith(unit)) continue
    const rest = tail.slice(unit.length)
    if (rest === '') return { unit, suffix: null }
    const suffix = matchExact(rest, SUFFIXES)
    if (suffix) return { unit, suffix }
  }
  // An unknown unit: short, no digits, and not the start of a date or a phrase.
  for (const [word, operator] of SUFFIXES) {
    if (tail.endsWith(word)) {
      const unit = tail.slice(0, -word.length)
      if (isUnknownUnit(unit)) return { unit, suffix: operator }
    }
  }
  return isUnknownUnit(tail) ? { unit: tail, suffix: null } : null
}

function isUnknownUnit(text: string): boolean {
  return text.length > 0 && text.length <= 3 && !NOT_UNIT.test(text)
}

/**
 * If `digits` is a shorter number written twice (`100100`, `9898`, `11`), returns that
 * shorter number; a leading zero (`0909`) is never a number written by hand, so no.
 */
export function undoubled(digits: string): string | null {
  if (digits.length % 2 !== 0 || digits.length === 0) return null
  const half = digits.slice(0, digits.length / 2)
  if (half + half !== digits || (half.startsWith('0') && half !== '0')) return null
  return half
}

/** The value a digit string reads as once a doubled run is collapsed (`9595` → 95). */
function collapsedValue(digits: string): number {
  return Number(undoubled(digits) ?? digits)
}

/**
 * `≥95955及以上` on a rate without a unit: the `%` typed as `5` (Shift missed) after the
 * doubled 95. A rate above 100 % can never be met, so of the readings of the digits the one
 * ≤ 100 wins: as written (`9595` doubled → 95) before dropping the last 5 (`95955` → 9595 → 95).
 */
function isPercentTypedAsFive(pieces: Pieces): boolean {
  const { digits, fraction } = pieces
  if (fraction !== '' || digits.includes(',') || digits.length < 2 || !digits.endsWith('5')) return false
  if (collapsedValue(digits) <= 100) return false
  return collapsedValue(digits.slice(0, -1)) <= 100
}

/**
 * The digits of the number after undoing the doubled-number artefact of these documents:
 * two merged runs of the same cell write the number twice (`≥100100件以上` = ≥100 件).
 * One rule for all cells, with a warning naming both readings whenever it applies:
 *  - an impossible percentage (`100100%`, `≥9898%以上`: XX > 100 ≥ X) is certainly X;
 *  - with a written comparison (≥ / 大于等于 … in front, or 以上 / 以内 … behind) a doubled
 *    string of 4 digits or more (`≥4040场`, `≥30003000册`, `≥2000020000人次`) is the
 *    artefact: X is read;
 *  - a 2-digit double (11 … 99) is as likely genuine (`≥99%`, `≥88分`) as a doubled single
 *    digit, so it needs both a prefix and a suffix (`≤11%以下`, the seed's pattern) and is
 *    kept silently otherwise;
 *  - a bare number (no comparison: `1212人`, `8888元`) may be genuine: kept, with a warning
 *    when it is 4 digits or more.
 * The comparison must be in the cell: an operator from a 指标性质 column says nothing about
 * how the cell was typed.
 */
function readDigits(digits: string, pieces: Pieces, unit: string, cell: string, warnings: string[]): string {
  if (pieces.fraction !== '' || digits.includes(',')) return digits
  const half = undoubled(digits)
  if (half === null) return digits
  const isImpossibleRate = unit === '%' && Number(digits) > 100 && Number(half) <= 100
  const hasComparison = pieces.prefix !== null || pieces.suffix !== null
  const isLong = digits.length >= 4
  if (isImpossibleRate) {
    warnings.push(`${cell}中的数字 ${digits} 是重复录入的 ${half}（百分比不可能为 ${digits}），按 ${half} 读取`)
    return half
  }
  if ((isLong && hasComparison) || (pieces.prefix !== null && pieces.suffix !== null)) {
    warnings.push(`${cell}中的数字 ${digits} 疑为重复录入的 ${half}，按 ${half} 读取；若 ${digits} 才是原意，请更正`)
    return half
  }
  if (isLong) {
    warnings.push(`${cell}中的数字 ${digits} 形似重复录入的 ${half}（无比较符号，可能是原值），按 ${digits} 读取；若应为 ${half}，请更正`)
  }
  return digits
}

function qualitative(raw: string, warnings: string[]): TargetParse {
  return { target: { raw, operator: null, value: null, unit: null, kind: 'qualitative' }, warnings }
}

/**
 * Reads a 指标值 cell into operator, value, unit and kind (cumulative count / level / qualitative),
 * with a Chinese warning for every guess; never throws, `raw` is the input unchanged.
 */
export function parseTarget(raw: string, context?: TargetContext): TargetParse {
  const warnings: string[] = []
  const cell = `指标值「${raw}」`
  const text = toMatchable(raw)
    .replace(/\s+/g, '')
    // `95%以上(含)`: "inclusive" repeats what 以上 already says.
    .replace(/\((含|含本数)\)$/, '')
  const nature = context?.nature?.trim() ?? ''

  if (text === '') {
    warnings.push(`${cell}为空，按定性指标处理，需手工评价`)
    return qualitative(raw, warnings)
  }

  const pieces = splitCell(text)
  if (!pieces) {
    if (matchPrefix(text, OPERATOR_WORDS) || (/^\d/.test(text) && !/^\d+(年|月|日|号|季度)/.test(text))) {
      warnings.push(`${cell}含比较符号或数字但无法读出数值，按定性指标处理`)
    } else if (nature === '定量') {
      warnings.push(`${cell}的指标性质为定量，但没有数值，按定性指标处理`)
    }
    return qualitative(raw, warnings)
  }

  if (pieces.doubled !== undefined) {
    warnings.push(`${cell}中的数字 ${pieces.doubled}${pieces.doubled} 是重复录入的 ${pieces.doubled}，按 ${pieces.doubled} 读取`)
  }
  let unit = normalizeUnit(pieces.unit)
  const columnUnit = normalizeUnit(toMatchable(context?.unit ?? '').replace(/\s+/g, ''))
  let unitSource: 'cell' | 'column' | 'inferred' | 'none' = unit === '' ? 'none' : 'cell'

  if (unit === '' && columnUnit !== '') {
    unit = columnUnit
    unitSource = 'column'
  } else if (unit !== '' && columnUnit !== '' && unit !== columnUnit) {
    warnings.push(`${cell}的单位「${unit}」与计量单位列「${columnUnit}」不一致，按指标值中的「${unit}」读取`)
  } else if (unit === '' && isRateIndicator(context)) {
    unit = '%'
    unitSource = 'inferred'
  }

  const isTypoPercent = unitSource === 'inferred' && isPercentTypedAsFive(pieces)
  const digits = readDigits(isTypoPercent ? pieces.digits.slice(0, -1) : pieces.digits, pieces, unit, cell, warnings)

  if (unitSource === 'inferred') {
    warnings.push(
      isTypoPercent
        ? `${cell}缺少单位且末位多出「5」：指标为比率，按 ${digits}% 读取（「5」疑为漏按 Shift 键的「%」）`
        : `${cell}缺少单位：指标为比率，按 % 读取`,
    )
  } else if (unitSource === 'none') {
    warnings.push(`${cell}缺少单位，按水平值（非累计）读取`)
  } else if (unitSource === 'cell' && !KNOWN_UNITS.includes(pieces.unit)) {
    warnings.push(`${cell}的单位「${unit}」不在常用单位中，按水平值（非累计）读取`)
  }

  const operator = chooseOperator(pieces, context, cell, warnings)
  const value = Number(`${digits.replace(/,/g, '')}${pieces.fraction}`)
  const kind: IndicatorKind = unit === '' ? 'level' : kindOfUnit(unit)
  if (unit === '%' && value > 100 && operator !== '<=' && operator !== '<' && isRateIndicator(context)) {
    warnings.push(`${cell}读作 ${value}%：比率目标高于 100% 无法达到，请核对`)
  }
  return { target: { raw, operator, value, unit: unit === '' ? null : unit, kind }, warnings }
}

function chooseOperator(
  pieces: Pieces,
  context: TargetContext | undefined,
  cell: string,
  warnings: string[],
): Operator {
  const { prefix, suffix } = pieces
  if (prefix && suffix && isUp(prefix) !== isUp(suffix)) {
    warnings.push(`${cell}前后的比较方向矛盾，按开头的「${prefix}」读取`)
  }
  const written = prefix ?? suffix
  const fromColumn = parseOperatorWord(context?.nature ?? '')
  const direction = context?.direction?.trim() ?? ''
  const fromDirection: Operator | null =
    direction === '反向' ? '<=' : direction === '正向' ? '>=' : null

  if (written) {
    if (fromColumn && fromColumn !== written) {
      warnings.push(`${cell}的比较符与指标性质列「${context?.nature ?? ''}」不一致，按指标值中的读取`)
    } else if (fromDirection && isUp(fromDirection) !== isUp(written)) {
      warnings.push(`${cell}的比较符与指标方向「${direction}」不一致，按指标值中的读取`)
    }
    return written
  }
  return fromColumn ?? fromDirection ?? '='
}
