import { describe, expect, it } from 'vitest'
import type { Indicator, Project } from '@/domain/types'
import { parseTarget } from '@/importers/parseTarget'
import { archivedItemsOf, describeTargetReading, projectDraftOf, registerRowOf } from '@/presenters/projectRegister'

const project = (patch: Partial<Project> = {}): Project => ({
  id: '2020/315002/A', year: 2020, departmentCode: '315002', code: 'A', name: '法律援助经费',
  budget: { total: 3_000_000, fiscal: null, other: null }, purpose: '补贴', plan: { 3: 20, 6: 50, 10: null, 12: 100 }, goals: ['目标一'], ...patch,
})
const indicator = (patch: Partial<Indicator> = {}): Indicator => ({
  id: '2020/315002/A#1', projectId: '2020/315002/A', order: 0, level1: '产出指标', level2: '数量指标', name: '受理数', description: '',
  target: { raw: '≥100件', operator: '>=', value: 100, unit: '件', kind: 'cumulative' }, documentKind: 'cumulative', basis: null, ...patch,
})

describe('describeTargetReading', () => {
  it.each<[string, string]>([
    ['≥98%', '≥ 98 %（时点）'],
    ['大于等于100件', '≥ 100 件（累计）'],
    ['≤1%以下', '≤ 1 %（时点）'],
    ['优良', '定性：优良（手工评价）'],
    ['', ''],
  ])('reads %s as %s', (raw, text) => {
    expect(describeTargetReading(parseTarget(raw))).toBe(text)
  })
})

describe('projectDraftOf', () => {
  it('shows an unsplit 预算数 as 财政资金, blanks as empty, only a hand-chosen 口径, and leaves archived indicators out', () => {
    const draft = projectDraftOf(project(), [
      indicator(),
      indicator({ id: 'x#2', name: '办结数', target: { raw: '≥10件', operator: '>=', value: 10, unit: '件', kind: 'level' } }),
      indicator({ id: 'x#3', name: '旧指标', archivedAt: '2020-05-01T00:00:00.000Z' }),
    ])
    expect(draft).toMatchObject({ fiscalWan: '3.00', otherWan: '', plan: { 3: '20', 6: '50', 10: '', 12: '100' }, goals: ['目标一'] })
    expect(draft.indicators.map((r) => [r.name, r.kind])).toEqual([['受理数', null], ['办结数', 'level']])
  })
})

describe('registerRowOf and archivedItemsOf', () => {
  it('shows 万元 with 2 decimals, 自编, and counts indicators in use', () => {
    const row = registerRowOf(project({ budget: { total: 3_500_000, fiscal: 3_000_000, other: 500_000 }, isCodeGenerated: true }), [indicator(), indicator({ archivedAt: '2020-05-01T00:00:00.000Z' })])
    expect(row).toMatchObject({ fiscal: '3.00', other: '0.50', total: '3.50', isCodeGenerated: true, indicatorCount: 1, archivedIndicatorCount: 1 })
  })

  it('lists archived projects, then archived indicators of projects in use, with the local date', () => {
    const items = archivedItemsOf([
      { project: project(), indicators: [indicator({ archivedAt: '2020-05-01T17:00:00.000Z' })] },
      { project: project({ id: 'B', code: 'B', name: '普法', archivedAt: '2020-06-02T02:00:00.000Z' }), indicators: [indicator({ archivedAt: '2020-05-01T00:00:00.000Z' })] },
    ])
    expect(items).toEqual([
      { id: 'B', kind: 'project', label: 'B 普法', archivedOn: '2020-06-02' },
      { id: '2020/315002/A#1', kind: 'indicator', label: '法律援助经费 · 受理数（≥100件）', archivedOn: '2020-05-02' },
    ])
  })
})
