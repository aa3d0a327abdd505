import { describe, expect, it } from 'vitest'
import { evaluateProject, evaluateProjectData } from '@/domain'
import { DEFAULT_THRESHOLDS, type Likelihood, type Month } from '@/domain/types'
import { dataOf } from './entryFactories'
import { noteOf, SEED_PROJECTS as P, seedSpending } from './factories'

describe('evaluateProjectData', () => {
  const data = dataOf('法制工作专项经费', {
    spending: seedSpending('法制工作专项经费'),
    notes: [noteOf(P.法制工作专项经费, 6, 'certain'), noteOf(P.法制工作专项经费, 7, 'impossible')],
  })

  it.each<[Month, Likelihood | null]>([
    [6, 'certain'],
    [7, 'impossible'],
    // A note belongs to its own month: none for 8月.
    [8, null],
  ])('%i月 takes that month’s note: likelihood %s', (month, likelihood) => {
    const evaluation = evaluateProjectData(data, month)
    expect(evaluation.month).toBe(month)
    expect(evaluation.likelihood).toBe(likelihood)
  })

  it('is the project evaluation with that note', () => {
    const { notes, ...input } = data
    expect(evaluateProjectData(data, 7)).toEqual(evaluateProject({ ...input, note: notes[1] ?? null }, 7))
    expect(evaluateProjectData(data, 8)).toEqual(evaluateProject({ ...input, note: null }, 8))
    expect(evaluateProjectData(data, 7).status).toBe('red')
  })

  it('keeps the suggestion independent of the note', () => {
    expect(evaluateProjectData(data, 7).suggestedLikelihood).toBe(evaluateProjectData({ ...data, notes: [] }, 7).suggestedLikelihood)
  })

  it('uses the given thresholds (执行率 30 % against a 50 % plan: −20 points)', () => {
    expect(evaluateProjectData(data, 7).spend.status).toBe('red')
    expect(evaluateProjectData(data, 7, { ...DEFAULT_THRESHOLDS, redBelow: -25 }).spend.status).toBe('yellow')
  })
})
