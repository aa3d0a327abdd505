import { describe, expect, it } from 'vitest'
import { fenToWan, formatWan, formatYuan, parseMoney, sumFen } from '@/domain/money'

describe('parseMoney', () => {
  it.each([
    ['3.00', 'wan', 3_000_000],
    ['6.3', 'wan', 6_300_000],
    ['21.05', 'wan', 21_050_000],
    ['0.000001', 'wan', 1],
    ['1,234.50', 'yuan', 123_450],
    ['30,000.00', 'yuan', 3_000_000],
    ['-2', 'yuan', -200],
    [' 12 ', 'yuan', 1200],
    ['0', 'wan', 0],
  ] as const)('%s %s → %i 分', (text, unit, fen) => {
    expect(parseMoney(text, unit)).toBe(fen)
  })

  it.each([
    ['1.001', 'yuan'],
    ['0.0000001', 'wan'],
    ['abc', 'wan'],
    ['', 'wan'],
    ['1.2.3', 'yuan'],
    ['1e5', 'yuan'],
  ] as const)('rejects %s in %s (not a decimal, or finer than 1 分)', (text, unit) => {
    expect(parseMoney(text, unit)).toBeNull()
  })
})

describe('exact sums and formatting', () => {
  it('adds 0.1 + 0.2 万元 exactly', () => {
    const total = sumFen([parseMoney('0.1', 'wan')!, parseMoney('0.2', 'wan')!])
    expect(total).toBe(300_000)
    expect(formatWan(total)).toBe('0.30')
  })

  it.each([
    [21_050_000, 2, '21.05'],
    [1_234_567_890, 2, '1,234.57'],
    [5_000, 2, '0.01'],
    [4_999, 2, '0.00'],
    [-1_500_000, 1, '-1.5'],
    [6_300_000, 0, '6'],
  ])('formats %i 分 as %s 万元 with %i decimals', (fen, digits, text) => {
    expect(formatWan(fen, digits)).toBe(text)
  })

  it('formats 元 with thousands separators and converts to 万元 for charts', () => {
    expect(formatYuan(123_456)).toBe('1,234.56')
    expect(fenToWan(21_050_000)).toBeCloseTo(21.05)
  })
})
