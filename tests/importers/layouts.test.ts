import { describe, expect, it } from 'vitest'
import { parseDocumentRows } from '../../src/importers/document'
import { parseHtmlTables } from '../../src/importers/docx'
import { parseTarget } from '../../src/importers/parseTarget'
import { toSimplified } from '../../src/importers/traditional'
import { cellText, formatNumber } from '../../src/importers/xlsx'
import { asPipes, parseOk, type Table } from './helpers'

describe('xlsx cells as Excel shows them', () => {
  it.each<readonly [unknown, string | undefined, string]>([
    [0.98, '0%', '98%'],
    [0.995, '0%', '99.5%'],
    [0.5, '0.00%', '50.00%'],
    [20, '0.00', '20.00'],
    [0.1 + 0.2, undefined, '0.3'],
    [{ richText: [{ text: '老旧小区' }, { text: '改造' }] }, undefined, '老旧小区改造'],
    [{ formula: 'B2*2', result: 12.5 }, '0.00', '12.50'],
    [new Date(Date.UTC(2021, 5, 30)), 'yyyy-mm-dd', '2021-06-30'],
    [{ text: '链接', hyperlink: 'x' }, undefined, '链接'],
    [null, undefined, ''],
  ])('%o under %s → %s', (value, numFmt, text) => {
    expect(cellText(value, numFmt)).toBe(text)
  })

  it('keeps a plain number without float noise', () => {
    expect(formatNumber(6.3, 'General')).toBe('6.3')
  })
})

describe('Traditional characters for matching only', () => {
  it.each([
    ['項目編碼', '项目编码'],
    ['不低於95%', '不低于95%'],
    ['≤3個工作日', '≤3个工作日'],
    ['法律援助经费', '法律援助经费'],
  ])('%s → %s', (traditional, simplified) => {
    expect(toSimplified(traditional)).toBe(simplified)
  })
})

describe('targets with doubled decimals, units and operator words', () => {
  it.each<readonly [string, string | null, number | null, string | null, string]>([
    ['≤0.50.5%以下', '<=', 0.5, '%', 'level'],
    ['≥1,2001,200台次以上', '>=', 1200, '台次', 'cumulative'],
    ['≥12台次', '>=', 12, '台次', 'cumulative'],
    ['≤150元/人·天', '<=', 150, '元/人·天', 'level'],
    ['4.5万元/人', '=', 4.5, '万元/人', 'level'],
    ['不低於95%', '>=', 95, '%', 'level'],
    ['1.21.3%', null, null, null, 'qualitative'],
  ])('%s', (raw, operator, value, unit, kind) => {
    expect(parseTarget(raw).target).toEqual({ raw, operator, value, unit, kind })
  })
})

describe('the national 申报表: 中期 and 年度 columns, the 年度 ones read', () => {
  const table: Table = [
    ['项目名称', '社区养老服务补贴', '', ''],
    ['主管部门及代码', '[301]某市民政局', '实施单位', '某市养老服务中心'],
    ['项目资金（万元）', '', '中期资金总额', '年度资金总额'],
    ['', '资金总额', '300', '100'],
    ['', '其中：财政拨款', '270', '90'],
    ['', '其他资金', '30', '10'],
    ['总体目标', '中期目标（2021年—2023年）', '年度目标', ''],
    ['', '三年建成社区养老站30个', '目标1：建成社区养老站10个', ''],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '中期指标值', '年度指标值'],
    ['', '产出指标', '数量指标', '建成养老站数', '≥30个', '≥10个'],
  ]
  it('reads the year’s money, goals and targets', () => {
    const { document } = parseOk(`（2021年度）\n${asPipes(table, false)}`)
    expect(document.year).toBe(2021)
    expect(document.department).toEqual({ code: '301', name: '某市民政局' })
    const [project] = document.projects
    expect(project?.budget).toEqual({ total: 100_000_000, fiscal: 90_000_000, other: 10_000_000 })
    expect(project?.goals).toEqual(['建成社区养老站10个'])
    expect(project?.indicators.map((i) => [i.name, i.target.raw])).toEqual([['建成养老站数', '≥10个']])
    expect(project?.isCodeGenerated).toBe(true)
  })
})

describe('a paste of several sheets from WPS/Excel as HTML', () => {
  const sheet = (name: string, target: string): string =>
    `<table><tr><td colspan="4">2021年度部门预算项目绩效目标表</td></tr>` +
    `<tr><td>单位名称：</td><td colspan="3">320583 昆山市司法局 单位：万元</td></tr>` +
    `<tr><td>项目名称</td><td colspan="3">${name}</td></tr>` +
    `<tr><td>预算数</td><td>9.00</td><td>其中：财政资金</td><td>9.00</td></tr>` +
    `<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>` +
    `<tr><td rowspan="2">产出指标</td><td>数量指标</td><td>场次</td><td>${target}</td></tr>` +
    `<tr><td>质量指标</td><td>合格率</td><td>≥95%</td></tr></table>`
  it('reads each sheet’s project; the title rows are headings', () => {
    const html = `<html><body>${sheet('社区矫正经费', '≥12场')}<p></p>${sheet('法治宣传经费', '≥20场')}</body></html>`
    const result = parseDocumentRows(parseHtmlTables(html))
    if (!result.ok) expect.fail(result.error.message)
    expect(result.document.year).toBe(2021)
    expect(result.document.projects.map((p) => [p.name, p.indicators.map((i) => `${i.level1}/${i.level2}/${i.name}`)])).toEqual([
      ['社区矫正经费', ['产出指标/数量指标/场次', '产出指标/质量指标/合格率']],
      ['法治宣传经费', ['产出指标/数量指标/场次', '产出指标/质量指标/合格率']],
    ])
    expect(result.incomplete).toEqual([])
  })
})

describe('a row that cannot be placed is a warning, never a wrong indicator', () => {
  it('reports a row whose 一级 column holds a target', () => {
    const table: Table = [
      ['项目名称', '安全隐患维修'],
      ['预算数', '5.00'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '维修处数', '≥10处'],
      ['≥95%', '质量指标', '合格率', '优'],
    ]
    const { document, warnings } = parseOk(`2021年部门预算\n${asPipes(table, false)}`)
    expect(document.projects[0]?.indicators.map((i) => i.name)).toEqual(['维修处数'])
    expect(warnings.some((w) => w.field === '指标表' && /第 6 行.*无法按栏目对齐.*未作为指标读取/.test(w.message))).toBe(true)
  })
})
