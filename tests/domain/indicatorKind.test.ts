import { describe, expect, it } from 'vitest'
import { indicatorKindChoice } from '@/domain/indicatorKind'
import type { Indicator, IndicatorTarget } from '@/domain/types'

function indicator(target: Partial<IndicatorTarget>, documentKind?: Indicator['documentKind']): Indicator {
  return {
    id: 'x#1', projectId: 'x', order: 0, level1: '产出指标', level2: '数量指标', name: '人数', description: '', basis: null,
    target: { raw: '≥1150人', operator: '>=', value: 1150, unit: '人', kind: 'cumulative', ...target },
    ...(documentKind ? { documentKind } : {}),
  }
}

describe('indicatorKindChoice', () => {
  it.each([
    ['the document kind', indicator({}, 'cumulative'), { kind: 'cumulative', documentKind: 'cumulative', isAdjusted: false }],
    ['an adjusted kind', indicator({ kind: 'level' }, 'cumulative'), { kind: 'level', documentKind: 'cumulative', isAdjusted: true }],
    ['no known document kind', indicator({ kind: 'level' }), { kind: 'level', documentKind: 'level', isAdjusted: false }],
    ['a qualitative indicator', indicator({ kind: 'qualitative', value: null }, 'qualitative'), null],
    ['a target without a number', indicator({ value: null }, 'cumulative'), null],
  ])('gives %s', (_label, input, expected) => {
    expect(indicatorKindChoice(input)).toEqual(expected)
  })
})
