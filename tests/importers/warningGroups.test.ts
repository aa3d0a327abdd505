import { describe, expect, it } from 'vitest'
import { countWarningsByProject, groupWarnings } from '../../src/importers/warningGroups'

describe('groupWarnings', () => {
  it('groups by project then cell, document-wide first, in document order', () => {
    const warnings = [
      { project: '甲', field: '指标值', message: 'a1' },
      { project: '乙', field: '资金支出计划', message: 'b1' },
      { project: '甲', field: '资金支出计划', message: 'a2' },
      { project: null, field: '年度', message: 'd1' },
      { project: '甲', field: '指标值', message: 'a3' },
    ]
    expect(groupWarnings(warnings)).toEqual([
      { project: null, count: 1, fields: [{ field: '年度', messages: ['d1'] }] },
      { project: '甲', count: 3, fields: [{ field: '指标值', messages: ['a1', 'a3'] }, { field: '资金支出计划', messages: ['a2'] }] },
      { project: '乙', count: 1, fields: [{ field: '资金支出计划', messages: ['b1'] }] },
    ])
    expect([...countWarningsByProject(warnings)]).toEqual([['甲', 3], ['乙', 1]])
  })

  it('no warnings, no groups', () => {
    expect(groupWarnings([])).toEqual([])
  })
})
