import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { generatedCode } from '../../src/importers/document/codes'
import { readDocumentFile } from '../../src/importers/documentFile'
import { toParseJson, type ParseJson } from '../../src/importers/parseJson'
import { repoPath } from './helpers'

/**
 * Each fixture reproduces a published layout family (its source page is cited in the file
 * or in the script that builds it) with made-up content; tests/fixtures/expected/ holds its
 * exact parse: every field of every project, every warning, the incomplete tables and the
 * sheets, or the errors of a refusal.
 */

type Expected =
  | { readonly ok: true; readonly json: ParseJson }
  | { readonly ok: false; readonly errors: ReadonlyArray<{ message: string; line: number | null; project: string | null; field: string | null }> }

const FIXTURES = [
  'pipe-twolevel-2022-ezhou.md',
  'pipe-perline-2021-guangxi.txt',
  'spaced-yitihua-2023-county.txt',
  'paragraphs-2021-xiangyin.txt',
  'traditional-2020-hongkong-style.md',
  'pipe-shifted-2022-market.txt',
  'tabs-multisheet-2021-wps.tsv',
  'pipe-cut-2021-water.md',
  'shenbao-jiaxian-2016.md',
  'refuse-department-wide-2018-yueyang.txt',
  'refuse-runon-2021-ningxiang.txt',
  'refuse-blank-template-2016.md',
  'xlsx-sheets-2022-housing.xlsx',
  'libreoffice-shenbao-2021-culture.xlsx',
  'libreoffice-shenbao-2021-culture.docx',
  'docx-nocode-2023-sports.docx',
  'error-cut-off-2020-emergency.txt',
] as const

async function parseFixture(name: string): Promise<Expected> {
  const bytes = new Uint8Array(readFileSync(repoPath(`tests/fixtures/${name}`)))
  const { result, sheets } = await readDocumentFile(bytes, name)
  if (!result.ok) {
    return { ok: false, errors: result.errors.map((e) => ({ message: e.message, line: e.line, project: e.project ?? null, field: e.field ?? null })) }
  }
  return { ok: true, json: JSON.parse(JSON.stringify(toParseJson(result.document, result.warnings, { incomplete: result.incomplete, sheets }))) as ParseJson }
}

function expected(name: string): Expected {
  return JSON.parse(readFileSync(repoPath(`tests/fixtures/expected/${name}.json`), 'utf8')) as Expected
}

describe('fixtures of published layouts: the exact parse', () => {
  it.each(FIXTURES)('%s', async (name) => {
    expect(await parseFixture(name)).toEqual(expected(name))
  })
})

function json(name: string): ParseJson {
  const read = expected(name)
  if (!read.ok) expect.fail(`${name} is a refusal`)
  return read.json
}

const indicators = (name: string) => json(name).projects.flatMap((p) => p.indicators)
const byName = (name: string, indicator: string) => indicators(name).find((i) => i.name === indicator)

/** The twelve constructs the importer could not read, each checked where a fixture has it. */
describe('the constructs of other provinces’ documents', () => {
  it('1. no 项目编码: a stable 自编 code from the name', () => {
    const project = json('pipe-twolevel-2022-ezhou.md').projects[0]
    expect(project?.code).toMatch(/^ZB-[0-9A-Z]{7}$/)
    // The same name gives the same code in every import, so a re-import updates the project.
    expect(project?.code).toBe(generatedCode('办公楼运行保障'))
    expect(generatedCode('办公楼运行保障 ')).toBe(project?.code)
    expect(generatedCode('办公楼运行维护')).not.toBe(project?.code)
  })

  it('2. a row without its merged 一级指标 cell is placed by content, not shifted', () => {
    expect(byName('pipe-shifted-2022-market.txt', '验收合格率')).toMatchObject({ level1: '产出指标', level2: '质量指标', target: { operator: '>=', value: 98, unit: '%' } })
  })

  it('3. a document cut off in its last row keeps its complete projects', () => {
    const read = json('pipe-cut-2021-water.md')
    expect(read.projects.map((p) => p.name)).toEqual(['农村饮水安全维修养护'])
    expect(read.incomplete).toEqual([{ name: '河湖长制工作经费', line: 15, missing: ['指标值'] }])
  })

  it('4. a bare year line: (2021年度) and （2021年）', () => {
    expect(json('pipe-perline-2021-guangxi.txt').year).toBe(2021)
    expect(json('paragraphs-2021-xiangyin.txt').year).toBe(2021)
  })

  it('5. one cell per line ending in " |"', () => {
    expect(json('pipe-perline-2021-guangxi.txt').projects[0]).toMatchObject({ name: '乡村道路养护经费', budget: { total: 36, fiscal: 36 } })
  })

  it('6. space-separated rows with 指标方向, operator column, 度量单位 and 分值', () => {
    expect(byName('spaced-yitihua-2023-county.txt', '人均外勤成本')).toMatchObject({ target: { operator: '<=', value: 0.3, unit: '万元/人', kind: 'level' }, weight: 10 })
    expect(byName('spaced-yitihua-2023-county.txt', '出差人次')).toMatchObject({ target: { operator: '=', value: 24, unit: '人次', kind: 'cumulative' } })
  })

  it('7. cells separated by blank lines without a leading tab', () => {
    expect(indicators('paragraphs-2021-xiangyin.txt').map((i) => i.name)).toEqual(['举办赛事场次', '参赛人次', '赛事安全事故发生率', '参赛群众满意度'])
  })

  it('8. a copy of several sheets: each title row is a heading, not an indicator', () => {
    const read = json('tabs-multisheet-2021-wps.tsv')
    expect(read.projects.map((p) => p.indicators.length)).toEqual([2, 2])
    expect(indicators('tabs-multisheet-2021-wps.tsv').some((i) => i.level1.includes('绩效目标表'))).toBe(false)
  })

  it('9. Traditional characters: labels, operators and units read, names kept', () => {
    const read = json('traditional-2020-hongkong-style.md')
    expect(read.projects[0]).toMatchObject({ code: '440305-WJ-2020-07', name: '社區健康服務中心運行補貼' })
    expect(byName('traditional-2020-hongkong-style.md', '家庭醫生簽約覆蓋率')?.target).toMatchObject({ operator: '>=', value: 95, unit: '%' })
    expect(byName('traditional-2020-hongkong-style.md', '補貼撥付時限')?.target).toMatchObject({ operator: '<=', value: 3, unit: '个工作日' })
  })

  it('10. doubled numbers with a decimal point or thousands separator', () => {
    expect(byName('pipe-shifted-2022-market.txt', '万台设备事故率')?.target).toMatchObject({ operator: '<=', value: 0.5, unit: '%' })
    expect(byName('pipe-shifted-2022-market.txt', '检验设备台次')?.target).toMatchObject({ operator: '>=', value: 1200, unit: '台次' })
  })

  it('11. 台次 is a count', () => {
    expect(byName('pipe-twolevel-2022-ezhou.md', '电梯年检台次')?.target).toMatchObject({ value: 12, unit: '台次', kind: 'cumulative' })
  })

  it('12. .xlsx workbooks: one sheet per project and many on one sheet', () => {
    const read = json('xlsx-sheets-2022-housing.xlsx')
    expect(read.sheets?.map((s) => [s.name, s.projects])).toEqual([['封面', 0], ['老旧小区改造', 1], ['多个项目', 2]])
    expect(read.projects[0]?.name).toBe('老旧小区综合改造')
    expect(byName('xlsx-sheets-2022-housing.xlsx', '竣工验收合格率')?.target.raw).toBe('98%')
    expect(json('libreoffice-shenbao-2021-culture.xlsx').projects).toEqual(json('libreoffice-shenbao-2021-culture.docx').projects)
  })
})
