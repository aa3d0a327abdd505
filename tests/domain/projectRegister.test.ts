import { describe, expect, it } from 'vitest'
import { activeProjectDataAt, archiveMonthOf, checkPlan, checkProjectDraft, checkWanAmount, isProjectActiveAt, type IndicatorDraft, type ProjectDraft } from '@/domain/projectRegister'
import type { ProjectData } from '@/domain/projectData'
import type { Month } from '@/domain/types'
import { parseTarget } from '@/importers/parseTarget'

const indicator = (patch: Partial<IndicatorDraft> = {}): IndicatorDraft => ({
  id: null,
  level1: '产出指标',
  level2: '质量指标',
  name: '案件办结率',
  description: '',
  targetRaw: '≥98%',
  kind: null,
  basis: '',
  isRemoved: false,
  ...patch,
})

const draft = (patch: Partial<ProjectDraft> = {}): ProjectDraft => ({
  name: '法律援助经费',
  code: '315-0404-A',
  fiscalWan: '3.00',
  otherWan: '',
  purpose: '法律援助案件补贴',
  plan: { 3: '20', 6: '50', 10: '75', 12: '100' },
  goals: ['办理案件 100 件', ''],
  indicators: [indicator(), indicator({ name: '法律援助案件受理', targetRaw: '大于等于100件' })],
  ...patch,
})

const check = (d: ProjectDraft, taken: readonly string[] = []) => checkProjectDraft(d, new Set(taken), parseTarget)
const errorsOf = (d: ProjectDraft, taken: readonly string[] = []) => {
  const result = check(d, taken)
  return result.ok ? {} : result.errors
}

describe('checkProjectDraft', () => {
  it('accepts a complete draft: 万元 → 分, plan in %, blank goals dropped, targets read as the importer reads them', () => {
    const result = check(draft({ otherWan: '0.5' }))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.budget).toEqual({ total: 3_500_000, fiscal: 3_000_000, other: 500_000 })
    expect(result.value.plan).toEqual({ 3: 20, 6: 50, 10: 75, 12: 100 })
    expect(result.value.goals).toEqual(['办理案件 100 件'])
    expect(result.value.indicators.map((i) => i.target)).toEqual([
      { raw: '≥98%', operator: '>=', value: 98, unit: '%', kind: 'level' },
      { raw: '大于等于100件', operator: '>=', value: 100, unit: '件', kind: 'cumulative' },
    ])
  })

  it('allows blank plan checkpoints, a blank code (自编) and blank amounts', () => {
    const result = check(draft({ code: '', fiscalWan: '', plan: { 3: '', 6: '', 10: '', 12: '100' } }))
    expect(result.ok && result.value).toMatchObject({ code: '', budget: { total: 0, fiscal: null, other: null }, plan: { 3: null, 6: null, 10: null, 12: 100 } })
  })

  it.each<[string, Partial<ProjectDraft>, string, RegExp]>([
    ['a negative 财政资金', { fiscalWan: '-1' }, 'fiscal', /财政资金不能为负数：请填写 0 或正数/],
    ['a negative 其他资金', { otherWan: '-0.01' }, 'other', /其他资金不能为负数/],
    ['an amount that is no number', { fiscalWan: '三万' }, 'fiscal', /财政资金「三万」不是金额：请填写以万元计的数字/],
    ['a plan that decreases', { plan: { 3: '50', 6: '40', 10: '', 12: '100' } }, 'plan.6', /6月底累计计划 40% 小于3月底的 50%：累计计划不能减少，请填写不小于 50 的数/],
    ['a plan that decreases across a blank', { plan: { 3: '60', 6: '', 10: '30', 12: '100' } }, 'plan.10', /10月底.*小于3月底/],
    ['a plan over 100', { plan: { 3: '', 6: '', 10: '', 12: '120' } }, 'plan.12', /12月底累计计划 120% 超出范围：请填写 0 到 100 之间的数/],
    ['a plan that is no number', { plan: { 3: 'abc', 6: '', 10: '', 12: '' } }, 'plan.3', /3月底「abc」不是百分数/],
    ['a blank name', { name: '  ' }, 'name', /请填写项目名称/],
    ['a target that does not parse', { indicators: [indicator({ targetRaw: '≥abc' })] }, 'indicators.0.target', /指标值「≥abc」读不出数值：请写成「≥98%」/],
    ['a blank target', { indicators: [indicator(), indicator({ targetRaw: ' ' })] }, 'indicators.1.target', /请填写指标值/],
    ['an indicator without its 三级指标', { indicators: [indicator({ name: '' })] }, 'indicators.0.name', /请填写三级指标名称/],
    ['an indicator without its 一级指标', { indicators: [indicator({ level1: '' })] }, 'indicators.0.level1', /请填写一级指标/],
  ])('refuses %s at its field', (_label, patch, field, message) => {
    const errors = errorsOf(draft(patch))
    expect(Object.keys(errors)).toEqual([field])
    expect(errors[field]).toMatch(message)
  })

  it('refuses a code another project of the department and year has, also an archived one', () => {
    expect(errorsOf(draft(), ['315-0404-A']).code).toMatch(/项目编码「315-0404-A」已被本单位本年度的另一个项目使用（含已删除的项目）：请改用其他编码，或留空由系统自编/)
    expect(errorsOf(draft(), ['315-0404-B'])).toEqual({})
  })

  it('lets a stored 指标值 left as imported stand (a blank cell of the document), but checks it once it is edited', () => {
    const stored = new Map([['p#1', '']])
    const untouched = draft({ indicators: [indicator({ id: 'p#1', targetRaw: '' })] })
    expect(checkProjectDraft(untouched, new Set(), parseTarget, stored).ok).toBe(true)
    const edited = draft({ indicators: [indicator({ id: 'p#1', targetRaw: '≥' })] })
    expect(checkProjectDraft(edited, new Set(), parseTarget, stored)).toMatchObject({ ok: false, errors: { 'indicators.0.target': expect.stringContaining('读不出数值') } })
  })

  it('does not check an indicator row marked for removal', () => {
    expect(check(draft({ indicators: [indicator({ name: '', targetRaw: '≥abc', isRemoved: true })] })).ok).toBe(true)
  })

  it('accepts a qualitative target and drops a 口径 it cannot have', () => {
    const result = check(draft({ indicators: [indicator({ targetRaw: '优良', kind: 'level' })] }))
    expect(result.ok && result.value.indicators[0]).toMatchObject({ target: { kind: 'qualitative', value: null }, kindOverride: null })
  })
})

describe('checkWanAmount and checkPlan', () => {
  it.each<[string, number | null]>([
    ['3', 3_000_000],
    ['3.00万元', 3_000_000],
    ['1,234.5', 1_234_500_000],
    ['0.000001', 1],
    ['', null],
  ])('reads %s 万元 as %s 分', (text, fen) => {
    expect(checkWanAmount(text, '财政资金')).toEqual({ fen })
  })

  it('reads a % sign and keeps blanks as null', () => {
    expect(checkPlan({ 3: '20%', 6: '', 10: '80', 12: '100' })).toEqual({ plan: { 3: 20, 6: null, 10: 80, 12: 100 }, errors: {} })
  })
})

describe('archived projects', () => {
  it.each<[string | null, number, number]>([
    [null, 2021, 12],
    ['2021-05-03T02:00:00.000Z', 2021, 5],
    // Local time (Asia/Shanghai): 2021-05-31T20:00Z is already 6月1日.
    ['2021-05-31T20:00:00.000Z', 2021, 6],
    ['2020-12-30T02:00:00.000Z', 2021, 0],
    ['2022-01-05T02:00:00.000Z', 2021, 12],
  ])('archived at %s counts in %s up to month %s', (archivedAt, year, month) => {
    expect(archiveMonthOf(archivedAt, year)).toBe(month)
  })

  it.each<[Month, boolean]>([
    [4, true],
    [5, true],
    [6, false],
  ])('a project archived in 5月 is listed at %s月: %s', (month, isActive) => {
    expect(isProjectActiveAt({ year: 2021, archivedAt: '2021-05-03T02:00:00.000Z' }, month)).toBe(isActive)
  })

  it('leaves archived projects and indicators out after their archive month only', () => {
    const row = (id: string, archivedAt: string | null, indicatorArchivedAt: string | null): ProjectData => ({
      project: { id, year: 2021, departmentCode: 'D', code: id, name: id, budget: { total: 0, fiscal: null, other: null }, purpose: '', plan: { 3: null, 6: null, 10: null, 12: null }, goals: [], archivedAt },
      indicators: [
        { id: `${id}#1`, projectId: id, order: 0, level1: '', level2: '', name: 'a', description: '', target: { raw: '', operator: null, value: null, unit: null, kind: 'qualitative' }, basis: null },
        { id: `${id}#2`, projectId: id, order: 1, level1: '', level2: '', name: 'b', description: '', target: { raw: '', operator: null, value: null, unit: null, kind: 'qualitative' }, basis: null, archivedAt: indicatorArchivedAt },
      ],
      spending: [],
      values: [],
      notes: [],
    })
    const rows = [row('A', null, '2021-03-10T02:00:00.000Z'), row('B', '2021-05-03T02:00:00.000Z', null)]
    const shown = (month: Month) => activeProjectDataAt(rows, month).map((r) => `${r.project.id}:${r.indicators.map((i) => i.name).join('')}`)
    expect(shown(3)).toEqual(['A:ab', 'B:ab'])
    expect(shown(4)).toEqual(['A:a', 'B:ab'])
    expect(shown(6)).toEqual(['A:a'])
  })
})
