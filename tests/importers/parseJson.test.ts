import { describe, expect, it } from 'vitest'
import { formatWarning, toParseJson } from '../../src/importers/parseJson'
import { parseOk, readFixture, readRepoFile } from './helpers'

describe('toParseJson', () => {
  const { document, warnings } = parseOk(readRepoFile('mock-data/seed/000_de49ccc16f966567.txt'))
  const json = toParseJson(document, warnings)

  it('keeps the fixed shape, money in 万元', () => {
    expect(json.year).toBe(2020)
    expect(json.department).toEqual({ code: '315002', name: '秦皇岛市北戴河区司法局' })
    expect(json.projects.map((p) => p.budget)).toEqual([
      { total: 3, fiscal: 3, other: null },
      { total: 4, fiscal: 4, other: null },
      { total: 6.3, fiscal: 6.3, other: null },
      { total: 5.75, fiscal: 5.75, other: null },
      { total: 2, fiscal: 2, other: null },
    ])
    expect(json.projects[2]?.plan).toEqual({ 3: null, 6: null, 10: null, 12: 100 })
    expect(json.warnings).toHaveLength(17)
  })

  it('serializes the first project as specified', () => {
    const first = JSON.parse(JSON.stringify(json.projects[0])) as Record<string, unknown>
    expect(first).toMatchObject({
      code: '315-0404-JBN-FLC6',
      name: '法律援助经费',
      budget: { total: 3, fiscal: 3, other: null },
      plan: { '3': 20, '6': 50, '10': 75, '12': 100 },
      purpose: '法律援助案件补贴及法律援助工作',
      indicators: [
        {
          level1: '产出指标',
          level2: '质量指标',
          name: '法律案件受理数',
          description: '法律援助案件受理',
          target: { raw: '≥100100件以上', operator: '>=', value: 100, unit: '件', kind: 'cumulative' },
          basis: null,
        },
        expect.anything(),
        expect.anything(),
      ],
    })
    expect(JSON.stringify(json.projects[0]?.plan)).toBe('{"3":20,"6":50,"10":75,"12":100}')
  })

  it('converts 元 documents to 万元 exactly', () => {
    const yuan = parseOk(readFixture('pipe-yuan-2021-education.md'))
    const budgets = toParseJson(yuan.document, yuan.warnings).projects.map((p) => p.budget)
    expect(budgets).toEqual([
      { total: 126, fiscal: 120, other: 6 },
      { total: 38.65005, fiscal: 38.65005, other: null },
    ])
  })

  it('formats a warning as one line', () => {
    expect(formatWarning({ project: 'A', field: '指标值', message: '项目「A」…' })).toBe('警告：项目「A」…')
  })
})
