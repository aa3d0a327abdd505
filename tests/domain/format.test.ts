import { describe, expect, it } from 'vitest'
import { formatCoverage, formatMonths, formatPercent, formatPoints, roundHalfUp } from '@/domain/format'
import type { Month } from '@/domain/types'

describe('roundHalfUp', () => {
  it.each([
    // Decimal halves that binary floats store just below the half: toFixed would round them down.
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [0.15, 1, 0.2],
    [1.45, 1, 1.5],
    // Away from zero on the negative side too.
    [-0.15, 1, -0.2],
    [-2.5, 0, -3],
    [0.5, 0, 1],
    [56.25, 1, 56.3],
    [100 / 3, 1, 33.3],
    [-8.333, 1, -8.3],
    [0, 2, 0],
  ])('%d at %i decimals → %d', (value, digits, expected) => {
    expect(roundHalfUp(value, digits)).toBe(expected)
  })
})

describe('formatPercent', () => {
  it.each<[number | null, number | undefined, string]>([
    [56.25, undefined, '56.3%'],
    [0.15, undefined, '0.2%'],
    [1.45, undefined, '1.5%'],
    [1.005, 2, '1.01%'],
    [2.675, 2, '2.68%'],
    [100, undefined, '100.0%'],
    [99.95, undefined, '100.0%'],
    [0, undefined, '0.0%'],
    [0, 2, '0.00%'],
    [175 / 3, 2, '58.33%'],
    [12.5, 0, '13%'],
    [null, undefined, '—'],
    [null, 2, '—'],
  ])('%s (digits %s) → %s', (value, digits, expected) => {
    expect(formatPercent(value, digits)).toBe(expected)
  })
})

describe('formatPoints', () => {
  it.each<[number | null, number | undefined, string]>([
    [-8.333, undefined, '−8.3'],
    [10.4, undefined, '+10.4'],
    [-0.15, undefined, '−0.2'],
    [0.15, undefined, '+0.2'],
    [-10.35, undefined, '−10.4'],
    [2.675, 2, '+2.68'],
    [-1.005, 2, '−1.01'],
    // A deviation that rounds to 0 has no sign: not "−0.0".
    [-0.04, undefined, '0.0'],
    [0.04, undefined, '0.0'],
    [0, undefined, '0.0'],
    [0, 2, '0.00'],
    [null, undefined, '—'],
  ])('%s (digits %s) → %s', (value, digits, expected) => {
    expect(formatPoints(value, digits)).toBe(expected)
  })

  it('writes the minus as U+2212, readable on a projector', () => {
    expect(formatPoints(-5)).toBe('\u22125.0')
  })
})

describe('formatCoverage', () => {
  it.each<[number, number, string | null]>([
    [5, 5, null],
    [6, 5, null],
    [0, 0, null],
    [0, 5, '本月尚无项目填报支出'],
    [4, 5, '按已填报的 4/5 个项目计算'],
    [1, 10_000, '按已填报的 1/10000 个项目计算'],
  ])('%i of %i reported → %s', (reported, total, expected) => {
    expect(formatCoverage(reported, total)).toBe(expected)
  })
})

describe('formatMonths', () => {
  it.each<[readonly Month[], string]>([
    [[3], '3月'],
    [[1, 2, 3], '1–3月'],
    [[1, 2, 3, 5], '1–3、5月'],
    [[5, 1, 3, 2], '1–3、5月'],
    [[1, 1, 2], '1–2月'],
    [[2, 4, 6], '2、4、6月'],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], '1–12月'],
    [[11, 12, 7], '7、11–12月'],
  ])('%j → %s', (months, expected) => {
    expect(formatMonths(months)).toBe(expected)
  })
})
