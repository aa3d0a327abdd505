import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../src/importers/document'
import { asPipes, parseOk, readFixture, type Table } from './helpers'

/** One small project table in bare pipes. */
function project(code: string, name: string, budget = '10.00', target = '≥800台'): Table {
  return [
    ['项目编码', code, '项目名称', name],
    ['预算数', budget, '其中：财政资金', budget],
    ['资金用途', '电梯、锅炉定期检验'],
    ['绩效目标', '1、完成特种设备定期检验'],
    ['三级指标', '指标值'],
    ['检验台次', target],
  ]
}

const HEAD = '2021年部门预算绩效信息\n单位名称：301007唐山市路北区市场监督管理局  单位：万元\n'

describe('parseDocument: every blocking error at once, the complete projects kept', () => {
  const parsed = parseDocument(readFixture('error-many-2021-emergency.txt'))
  if (!parsed.ok) throw new Error('expected the complete project to be importable')
  const result = { ...parsed, errors: parsed.incomplete.flatMap((p) => p.errors) }

  it('imports only the complete project; nothing of the others', () => {
    expect(parsed.document.projects.map((p) => p.name)).toEqual(['防灾减灾宣传经费'])
    expect(parsed.incomplete.map((p) => p.name)).toEqual(['安全生产执法经费', '应急演练经费', '应急物资储备经费', '应急值守经费'])
  })

  it('lists each error with its project, cell and line, in document order', () => {
    expect(result.errors.map((e) => [e.project, e.field, e.line])).toEqual([
      ['安全生产执法经费', '预算数', 6],
      ['应急演练经费', '其中：财政资金', 15],
      ['应急物资储备经费', '三级指标', 28],
      ['应急值守经费', '项目编码', 41],
    ])
    expect(result.errors[0]?.message).toMatch(/^第 6 行：项目「安全生产执法经费」的预算数「叁万元」不是金额数字/)
    expect(result.errors[3]?.message).toMatch(/项目编码 510104-YJ-21-04 重复：第 32 行「防灾减灾宣传经费」与第 41 行「应急值守经费」/)
    for (const error of result.errors) expect(error.message).not.toContain('\n')
  })

  it('keeps the warnings of the projects it could read', () => {
    const messages = result.warnings.map((w) => `${w.project}: ${w.message}`)
    expect(messages.some((m) => m.startsWith('防灾减灾宣传经费:') && m.includes('≥1212场'))).toBe(true)
    expect(messages.some((m) => m.startsWith('应急演练经费:') && m.includes('≥95955'))).toBe(true)
  })
})

describe('parseDocument: a 项目编码 used twice', () => {
  it('is an error naming both projects and lines when the tables differ; the first stays importable', () => {
    const text = HEAD + asPipes([...project('X-01', '特种设备检验经费'), ...project('X-01', '电梯安全监管经费', '6.00')], false)
    const result = parseDocument(text)
    if (!result.ok) expect.fail(result.error.message)
    expect(result.document.projects.map((p) => p.name)).toEqual(['特种设备检验经费'])
    const errors = result.incomplete.flatMap((p) => p.errors)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ project: '电梯安全监管经费', field: '项目编码', line: 9 })
    expect(errors[0]?.message).toMatch(/项目编码 X-01 重复：第 3 行「特种设备检验经费」与第 9 行「电梯安全监管经费」/)
    expect(errors[0]?.message).toMatch(/覆盖/)
  })

  it('is a warning and one project when the two tables are identical', () => {
    const text = HEAD + asPipes([...project('X-01', '特种设备检验经费'), ...project('X-01', '特种设备检验经费')], false)
    const { document, warnings } = parseOk(text)
    expect(document.projects).toHaveLength(1)
    const duplicate = warnings.filter((w) => w.field === '项目编码')
    expect(duplicate).toHaveLength(1)
    expect(duplicate[0]?.message).toMatch(/第 3 行和第 9 行.*完全相同.*按一个项目导入/)
  })
})

describe('parseDocument: department on a line that also states the money unit', () => {
  const body = asPipes(project('X-01', '特种设备检验经费', '123,456.78'), false)
  it.each<readonly [string, string, string]>([
    ['预算单位：330106 杭州市西湖区民政局    单位：元', '330106', '杭州市西湖区民政局'],
    ['预算单位：330106杭州市西湖区民政局 单位：元', '330106', '杭州市西湖区民政局'],
    ['单位名称：杭州市西湖区民政局    单位编码：330106    单位：元', '330106', '杭州市西湖区民政局'],
    ['单位编码：330106  单位名称：杭州市西湖区民政局  金额单位：元', '330106', '杭州市西湖区民政局'],
    ['单位：元\n单位编码：330106\n单位名称：杭州市西湖区民政局', '330106', '杭州市西湖区民政局'],
  ])('%s', (line, code, name) => {
    const { document, warnings } = parseOk(`2022年部门预算绩效信息\n${line}\n${body}`)
    expect(document.department).toEqual({ code, name })
    expect(document.moneyUnit).toBe('yuan')
    expect(document.projects[0]?.budget.total).toBe(12_345_678)
    expect(warnings.filter((w) => w.field === '单位')).toEqual([])
  })

  it('asks for the missing department in the words of the preview', () => {
    const { warnings } = parseOk(`2022年部门预算绩效信息\n单位：万元\n${asPipes(project('X-01', '特种设备检验经费'), false)}`)
    const message = warnings.find((w) => w.field === '单位')?.message ?? ''
    expect(message).toMatch(/文档中未找到单位编码与名称/)
    expect(message).toMatch(/确认导入前/)
    expect(message).not.toMatch(/导入后补填/)
  })
})
