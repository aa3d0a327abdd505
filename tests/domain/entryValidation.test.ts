import { describe, expect, it } from 'vitest'
import {
  checkFutureMonth,
  formatEntryValue,
  parseStatusInput,
  validateEntry,
  type EntryContext,
  type EntryTarget,
  type ValidationRule,
} from '@/domain/entryValidation'

const PAST: EntryContext = { year: 2020, month: 8, today: { year: 2026, month: 3 } }
const SPEND_WAN: EntryTarget = { kind: 'spending', unit: 'wan' }
const SPEND_YUAN: EntryTarget = { kind: 'spending', unit: 'yuan' }
const COUNT: EntryTarget = { kind: 'count', unit: '件' }
const RATE: EntryTarget = { kind: 'level', unit: '%' }
const SCORE: EntryTarget = { kind: 'level', unit: '分' }
const STATUS: EntryTarget = { kind: 'status' }

function ruleOf(text: string, target: EntryTarget, context: EntryContext = PAST): ValidationRule | null {
  const result = validateEntry(text, target, context)
  return result.ok ? null : result.issue.rule
}

describe('validateEntry: accepted values', () => {
  it.each<[string, EntryTarget, unknown]>([
    ['0.25', SPEND_WAN, { kind: 'money', amount: 250_000 }],
    ['0', SPEND_WAN, { kind: 'money', amount: 0 }],
    ['1,234.50', SPEND_YUAN, { kind: 'money', amount: 123_450 }],
    ['2500元', SPEND_WAN, { kind: 'money', amount: 250_000 }],
    ['0.25万元', SPEND_YUAN, { kind: 'money', amount: 250_000 }],
    ['0.25万', SPEND_YUAN, { kind: 'money', amount: 250_000 }],
    ['０．１２３４５６', SPEND_WAN, { kind: 'money', amount: 123_456 }],
    ['', SPEND_WAN, { kind: 'clear' }],
    ['12', COUNT, { kind: 'number', value: 12 }],
    ['12件', COUNT, { kind: 'number', value: 12 }],
    ['12.0', COUNT, { kind: 'number', value: 12 }],
    ['98.5', RATE, { kind: 'number', value: 98.5 }],
    ['98.5%', RATE, { kind: 'number', value: 98.5 }],
    ['100', RATE, { kind: 'number', value: 100 }],
    ['0', RATE, { kind: 'number', value: 0 }],
    ['150', SCORE, { kind: 'number', value: 150 }],
    ['  ', COUNT, { kind: 'clear' }],
    ['绿', STATUS, { kind: 'status', status: 'green' }],
    ['y', STATUS, { kind: 'status', status: 'yellow' }],
    ['红色', STATUS, { kind: 'status', status: 'red' }],
    ['', STATUS, { kind: 'clear' }],
  ])('%j in %o is stored as %o', (text, target, value) => {
    expect(validateEntry(text, target, PAST)).toEqual({ ok: true, value, issues: [] })
  })
})

describe('validateEntry: refused values, with a message saying what is allowed', () => {
  it.each<[string, EntryTarget, ValidationRule, RegExp]>([
    ['abc', SPEND_WAN, 'notANumber', /不是金额.*请填数字/],
    ['1,5', SPEND_WAN, 'notANumber', /不是金额/],
    ['abc', COUNT, 'notANumber', /不是数字.*件/],
    ['-0.5', SPEND_WAN, 'negative', /不能为负数.*0 或正数/],
    ['(100.00)', SPEND_YUAN, 'negative', /不能为负数/],
    ['0.1234567', SPEND_WAN, 'subFen', /1 分.*6 位小数/],
    ['12.345', SPEND_YUAN, 'subFen', /1 分.*2 位小数/],
    ['12件', SPEND_WAN, 'unitMismatch', /万元或元/],
    ['101', RATE, 'rateRange', /0 到 100/],
    ['-1%', RATE, 'rateRange', /0 到 100/],
    ['120%', SCORE, 'unitMismatch', /「分」/],
    ['3.5', COUNT, 'wholeCount', /不是整数.*只能填整数/],
    ['-2', COUNT, 'negative', /不能为负数/],
    ['12次', COUNT, 'unitMismatch', /本指标的单位是「件」/],
    ['3万元', RATE, 'unitMismatch', /不符|不是金额/],
    ['蓝', STATUS, 'unknownStatus', /绿、黄 或 红/],
  ])('%j in %o breaks %s', (text, target, rule, message) => {
    const result = validateEntry(text, target, PAST)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issue.rule).toBe(rule)
    expect(result.issue.severity).toBe('error')
    expect(result.issue.message).toMatch(message)
  })

  it('quotes the user text back', () => {
    const result = validateEntry('12x', COUNT, PAST)
    expect(!result.ok && result.issue.message).toContain('「12x」')
  })
})

describe('validateEntry: warnings', () => {
  it.each<[number, number, number, boolean]>([
    [2026, 4, 3, true],
    [2026, 3, 3, false],
    [2026, 2, 3, false],
    [2025, 12, 3, false],
    [2027, 1, 3, false],
  ])('year %i month %i with today in month %i: future-month warning %s', (year, month, todayMonth, isWarned) => {
    const context: EntryContext = { year, month: month as 1, today: { year: 2026, month: todayMonth as 1 } }
    expect(checkFutureMonth(context) !== null).toBe(isWarned)
    const result = validateEntry('5', COUNT, context)
    expect(result.ok && result.issues.map((i) => [i.rule, i.severity])).toEqual(isWarned ? [['futureMonth', 'warning']] : [])
  })

  it.each<[string, number, boolean]>([
    ['1.00', 2_000_000, false],
    ['1.000001', 2_000_000, true],
    ['0.50', 2_600_000, true],
  ])('spending %s on top of %i 分 against a 3 万元 budget needs confirming: %s', (text, other, isOver) => {
    const result = validateEntry(text, SPEND_WAN, { ...PAST, budget: 3_000_000, otherMonthsSpent: other })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const issue = result.issues.find((i) => i.rule === 'overBudget')
    expect(issue !== undefined).toBe(isOver)
    if (issue) {
      expect(issue.severity).toBe('confirm')
      expect(issue.message).toMatch(/超过预算数 3\.00 万元.*超预算/)
    }
  })

  it('does not count a cleared cell as over budget', () => {
    expect(validateEntry('', SPEND_WAN, { ...PAST, budget: 1, otherMonthsSpent: 5 })).toEqual({
      ok: true,
      value: { kind: 'clear' },
      issues: [],
    })
  })

  it('does not check spending rules on a blank context', () => {
    expect(ruleOf('0.5', SPEND_WAN)).toBeNull()
  })
})

describe('parseStatusInput and formatEntryValue', () => {
  it.each<[string, string | null]>([
    ['绿', 'green'],
    ['G', 'green'],
    ['正常', 'green'],
    ['黄·关注', 'yellow'],
    ['▼红', 'red'],
    ['未填报', null],
    ['x', null],
  ])('%s reads as %s', (text, status) => {
    expect(parseStatusInput(text)).toBe(status)
  })

  it.each<[Parameters<typeof formatEntryValue>[0], 'wan' | 'yuan', string]>([
    [{ kind: 'clear' }, 'wan', ''],
    [{ kind: 'money', amount: 250_000 }, 'wan', '0.25'],
    [{ kind: 'money', amount: 250_000 }, 'yuan', '2,500.00'],
    [{ kind: 'number', value: 12 }, 'wan', '12'],
    [{ kind: 'status', status: 'red' }, 'wan', '红'],
  ])('%o shows as %s', (value, unit, text) => {
    expect(formatEntryValue(value, unit)).toBe(text)
  })
})

describe('validateEntry: sizes', () => {
  // Before: a 17-digit count was accepted and stored rounded (12345678901234568), and a 17-digit
  // amount was refused with a message about decimals.
  it.each<[string, EntryTarget, RegExp]>([
    ['12345678901234567', COUNT, /太大.*最大为 9007199254740991/],
    ['9007199254740992', COUNT, /太大/],
    ['12345678901234567', SPEND_WAN, /太大.*1,000,000 万元（100 亿元）/],
    ['12345678901234567', SPEND_YUAN, /太大.*10,000,000,000 元（100 亿元）/],
    ['1000000.01', SPEND_WAN, /太大/],
    ['10000000000.01', SPEND_YUAN, /太大/],
    ['10000000001元', SPEND_WAN, /太大/],
    ['12345678901234567', SCORE, /太大/],
  ])('%j in %o is refused as too large, with the limit', (text, target, message) => {
    const result = validateEntry(text, target, PAST)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issue).toMatchObject({ rule: 'tooLarge', severity: 'error' })
    expect(result.issue.message).toMatch(message)
    expect(result.issue.message).toContain(`「${text}」`)
  })

  it.each<[string, EntryTarget, unknown]>([
    ['9007199254740991', COUNT, { kind: 'number', value: 9_007_199_254_740_991 }],
    ['1000000', SPEND_WAN, { kind: 'money', amount: 1_000_000_000_000 }],
    ['1,000,000.000000万元', SPEND_YUAN, { kind: 'money', amount: 1_000_000_000_000 }],
    ['10,000,000,000.00', SPEND_YUAN, { kind: 'money', amount: 1_000_000_000_000 }],
  ])('%j in %o is the largest accepted and stored exactly as %o', (text, target, value) => {
    expect(validateEntry(text, target, PAST)).toEqual({ ok: true, value, issues: [] })
  })
})
