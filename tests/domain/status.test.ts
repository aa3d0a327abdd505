import { describe, expect, it } from 'vitest'
import { atLeast, compareStatus, DEFAULT_THRESHOLDS, spendStatus, STATUS_ORDER, worstStatus, type Status, type Thresholds } from '@/domain'

describe('spendStatus (rule 3)', () => {
  it.each<[number | null, Status]>([
    [10, 'green'],
    [0, 'green'],
    [-5, 'green'],
    [-5.0001, 'yellow'],
    [-10, 'yellow'],
    [-15, 'yellow'],
    [-15.0001, 'red'],
    [-60, 'red'],
    [null, 'unreported'],
    // Float noise at a boundary does not flip the light (rates are floats).
    [-5.000000000000001, 'green'],
    [-15.000000000000002, 'yellow'],
  ])('D = %s → %s', (deviation, expected) => {
    expect(spendStatus(deviation)).toBe(expected)
  })

  it.each<[number, Status]>([
    [-2, 'green'],
    [-3, 'yellow'],
    [-10, 'yellow'],
    [-10.5, 'red'],
  ])('custom thresholds (−3 / −10): D = %s → %s', (deviation, expected) => {
    const t: Thresholds = { ...DEFAULT_THRESHOLDS, yellowFrom: -2, redBelow: -10 }
    expect(spendStatus(deviation, t)).toBe(expected)
  })
})

describe('worstStatus (rule 7)', () => {
  it.each<[readonly Status[], Status]>([
    [['green', 'yellow', 'red'], 'red'],
    [['green', 'yellow'], 'yellow'],
    [['green', 'green'], 'green'],
    [['green', 'unreported'], 'green'],
    [['unreported', 'yellow', 'unreported'], 'yellow'],
    [['unreported', 'unreported'], 'unreported'],
    [[], 'unreported'],
  ])('%j → %s', (statuses, expected) => {
    expect(worstStatus(statuses)).toBe(expected)
  })

  it('takes any iterable', () => {
    expect(worstStatus(new Set<Status>(['green', 'red']))).toBe('red')
  })
})

describe('status ordering', () => {
  it('sorts worst first, 未填报 last', () => {
    const statuses: Status[] = ['green', 'unreported', 'red', 'yellow', 'green']
    expect(statuses.sort(compareStatus)).toEqual(['red', 'yellow', 'green', 'green', 'unreported'])
    expect(STATUS_ORDER).toEqual(['red', 'yellow', 'green', 'unreported'])
  })

  it.each<[Status, 'green' | 'yellow' | 'red', Status]>([
    ['green', 'yellow', 'yellow'],
    ['unreported', 'yellow', 'yellow'],
    ['yellow', 'yellow', 'yellow'],
    ['red', 'yellow', 'red'],
  ])('atLeast(%s, %s) → %s', (status, floor, expected) => {
    expect(atLeast(status, floor)).toBe(expected)
  })
})
