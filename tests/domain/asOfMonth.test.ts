import { describe, expect, it } from 'vitest'
import { latestDataMonth, resolveAsOfMonth, type IndicatorEntry, type Month } from '@/domain'

const spent = (...months: Month[]) => months.map((month) => ({ month }))
const number = (month: Month, value = 1): IndicatorEntry => ({ month, value, manualStatus: null })
const status = (month: Month): IndicatorEntry => ({ month, value: null, manualStatus: 'yellow' })
const empty = (month: Month): IndicatorEntry => ({ month, value: null, manualStatus: null })

describe('latestDataMonth', () => {
  it.each<[string, ReturnType<typeof spent>, IndicatorEntry[], Month | null]>([
    ['nothing entered', [], [], null],
    ['spending only, unordered', spent(3, 7, 1), [], 7],
    ['an entered 0 counts as spending', [{ month: 9 }], [], 9],
    ['indicator values only', [], [number(2), number(5)], 5],
    ['an indicator value after the last spending (the entry page used to stop at spending)', spent(1, 7), [number(8)], 8],
    ['spending after the last indicator value', spent(10), [number(4)], 10],
    ['a value of 0 is data', spent(6), [number(11, 0)], 11],
    ['a status set by hand is data', spent(6), [status(12)], 12],
    ['an empty cell is not data', spent(6), [empty(12)], 6],
    ['only empty cells', [], [empty(3), empty(4)], null],
    ['same month in both', spent(7), [number(7)], 7],
  ])('%s → %s', (_label, spending, values, expected) => {
    expect(latestDataMonth(spending, values)).toBe(expected)
  })
})

describe('resolveAsOfMonth', () => {
  it.each<[Month | null, Month | null, Month]>([
    [null, null, 1],
    [null, 7, 7],
    [3, 7, 3],
    [9, 7, 9],
    [12, null, 12],
  ])('chosen %s, latest %s → %s', (chosen, latest, expected) => {
    expect(resolveAsOfMonth(chosen, latest)).toBe(expected)
  })
})
