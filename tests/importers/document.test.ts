import { describe, expect, it } from 'vitest'
import { sumFen } from '../../src/domain/money'
import { parseDocument, type ParsedDocument } from '../../src/importers/document'
import {
  asCellLines,
  asPipes,
  asTabs,
  parseError,
  parseOk,
  readFixture,
  readRepoFile,
  type Table,
} from './helpers'

const SEED = readRepoFile('mock-data/seed/000_de49ccc16f966567.txt')

function compactTargets(document: ParsedDocument): string[] {
  return document.projects.flatMap((project) =>
    project.indicators.map(({ name, target }) =>
      `${name}: ${target.operator ?? ''}${target.value ?? ''}${target.unit ?? ''} ${target.kind}`,
    ),
  )
}

describe('parseDocument: the seed (秦皇岛市北戴河区司法局 2020)', () => {
  const { document, warnings } = parseOk(SEED)

  it('reads year, department and money unit', () => {
    expect(document.year).toBe(2020)
    expect(document.department).toEqual({ code: '315002', name: '秦皇岛市北戴河区司法局' })
    expect(document.moneyUnit).toBe('wan')
  })

  it('reads 5 projects with their budgets in 分 (total 21.05 万元)', () => {
    expect(document.projects.map((p) => [p.code, p.name, p.budget.total])).toEqual([
      ['315-0404-JBN-FLC6', '法律援助经费', 3_000_000],
      ['315-0403-JBN-QFV8', '法制工作专项经费', 4_000_000],
      ['315-0403-JBN-D7U5', '人民调解员补贴', 6_300_000],
      ['315-0403-JBN-RY3P', '社区矫正经费', 5_750_000],
      ['315-0401-JBN-GH9H', '依法治区及普法宣传经费', 2_000_000],
    ])
    expect(sumFen(document.projects.map((p) => p.budget.total))).toBe(21_050_000)
    for (const project of document.projects) {
      expect(project.budget.fiscal).toBe(project.budget.total)
      expect(project.budget.other).toBeNull()
    }
  })

  it('reads the spend plans, blanks as null', () => {
    expect(document.projects.map((p) => p.plan)).toEqual([
      { 3: 20, 6: 50, 10: 75, 12: 100 },
      { 3: 10, 6: 40, 10: 80, 12: 100 },
      { 3: null, 6: null, 10: null, 12: 100 },
      { 3: 25, 6: 55, 10: 75, 12: 100 },
      { 3: 20, 6: 50, 10: 75, 12: 100 },
    ])
  })

  it('reads purposes and goals (numbering stripped, text kept)', () => {
    const [first, , third] = document.projects
    expect(first?.purpose).toBe('法律援助案件补贴及法律援助工作')
    expect(first?.goals).toEqual(['指导村居法律援助工作，管理“12348”法律援助热线', '对困难群众的法律援助'])
    expect(third?.purpose).toBe('人民调解员补贴')
    expect(third?.goals).toEqual(['建立健全人民调解工作', '最大限度降低社会不稳定因素'])
    expect(document.projects.every((p) => p.goals.length === 2)).toBe(true)
  })

  it('reads 15 indicators, names as written (typo 建设法只政府 kept)', () => {
    expect(document.projects.map((p) => p.indicators.length)).toEqual([3, 3, 3, 3, 3])
    const second = document.projects[1]
    expect(second?.indicators[1]).toEqual({
      order: 1,
      level1: '效果指标',
      level2: '可持续影响指标',
      name: '建设法只政府',
      description: '依法行政、建设法治政府取得实际效果',
      target: { raw: '100100%', operator: '=', value: 100, unit: '%', kind: 'level' },
      basis: null,
      weight: null,
    })
    expect(compactTargets(document)).toEqual([
      '法律案件受理数: >=100件 cumulative',
      '扩大法律援助覆盖面: >=98% level',
      '法律顾问受理案件率: >=98% level',
      '依法执政，合理执政: =100% level',
      '建设法只政府: =100% level',
      '制度建设和实施效果: =100% level',
      '人民调解案件数: >=100件 cumulative',
      '群众矛盾降低率: >=95% level',
      '人民调解工作满意率: >=95% level',
      '社区矫正宣传场次: >=15次 cumulative',
      '社区矫正培训对象: >=95% level',
      '降低社区矫正对象重新犯罪: <=1% level',
      '普法宣传资料印制: >=95% level',
      '全区法律意识和素质率: >=95% level',
      '组织主题教育活动场次: >=95% level',
    ])
  })

  it('warns about the blank checkpoints of 人民调解员补贴', () => {
    const plan = warnings.filter((w) => w.field === '资金支出计划')
    expect(plan).toHaveLength(1)
    expect(plan[0]?.project).toBe('人民调解员补贴')
    expect(plan[0]?.message).toContain('3月底、6月底、10月底 为空')
  })

  it('warns that the unit of 人民调解工作满意率 was inferred as %', () => {
    const inferred = warnings.filter((w) => w.message.includes('人民调解工作满意率') && w.message.includes('按 95% 读取'))
    expect(inferred).toHaveLength(1)
    expect(inferred[0]).toMatchObject({ project: '人民调解员补贴', field: '指标值' })
    expect(inferred[0]?.message).toContain('「≥95955及以上」')
  })

  it('warns once per collapsed doubled number, naming project, indicator and line', () => {
    const doubled = warnings.filter((w) => w.message.includes('重复录入'))
    expect(doubled).toHaveLength(15)
    expect(doubled[0]?.message).toBe(
      '项目「法律援助经费」指标「法律案件受理数」（第 69 行）的指标值「≥100100件以上」中的数字 100100 疑为重复录入的 100，按 100 读取；若 100100 才是原意，请更正',
    )
    expect(warnings).toHaveLength(17)
    expect(warnings.every((w) => w.project !== null)).toBe(true)
  })
})

describe('parseDocument: fixtures', () => {
  it('pipe-yuan-2021-education.md: markdown, 元, 一体化 codes, merged cells, extra columns', () => {
    const { document, warnings } = parseOk(readFixture('pipe-yuan-2021-education.md'))
    expect(document.year).toBe(2021)
    expect(document.department).toEqual({ code: '510113001', name: '成都市青白江区教育局' })
    expect(document.moneyUnit).toBe('yuan')
    const [preschool, aid] = document.projects
    expect(preschool?.code).toBe('51000021R000000019951')
    expect(preschool?.budget).toEqual({ total: 126_000_000, fiscal: 120_000_000, other: 6_000_000 })
    expect(aid?.budget).toEqual({ total: 38_650_050, fiscal: 38_650_050, other: null })
    expect(preschool?.plan).toEqual({ 3: 25, 6: 50, 10: 80, 12: 100 })
    expect(aid?.plan).toEqual({ 3: 0, 6: 45, 10: 45, 12: 100 })
    expect(preschool?.goals).toEqual(['保障全区18所公办幼儿园正常运转', '在园幼儿生均公用经费足额拨付到位'])
    expect(aid?.goals).toEqual(['按学期足额发放困难寄宿生生活费补助', '确保资助对象认定精准'])
    expect(preschool?.indicators.map((i) => [i.level1, i.level2, i.name, i.weight])).toEqual([
      ['产出指标', '数量指标', '补助幼儿园数量', 15],
      ['产出指标', '数量指标', '覆盖在园幼儿人数', 15],
      ['产出指标', '时效指标', '经费拨付时间', 10],
      ['产出指标', '成本指标', '生均公用经费标准', 10],
      ['效益指标', '社会效益指标', '幼儿园安全事故发生率', 15],
      ['效益指标', '可持续影响指标', '学前教育保障机制', 15],
      ['满意度指标', '服务对象满意度指标', '家长满意度', 10],
    ])
    expect(compactTargets(document)).toEqual([
      '补助幼儿园数量: >=18所 cumulative',
      '覆盖在园幼儿人数: >=4350人 cumulative',
      '经费拨付时间:  qualitative',
      '生均公用经费标准: =600元/人·年 level',
      '幼儿园安全事故发生率: <=0.5% level',
      '学前教育保障机制:  qualitative',
      '家长满意度: >=90% level',
      '资助学生人次: >=1200人次 cumulative',
      '资助对象认定准确率: >=100% level',
      '因贫辍学学生数: <=0人 cumulative',
      '受助学生满意度: >=95% level',
    ])
    expect(warnings.map((w) => [w.project, w.field])).toEqual([['义务教育阶段学生资助', '指标值']])
    expect(warnings[0]?.message).toContain('资助对象认定准确率')
  })

  it('tab-excel-2022-health.tsv: tab rows, quoted multi-line goals, words, full-width, no plan', () => {
    const { document, warnings } = parseOk(readFixture('tab-excel-2022-health.tsv'))
    expect(document.year).toBe(2022)
    expect(document.department).toEqual({ code: '207014', name: '唐山市丰南区卫生健康局' })
    const [publicHealth, familyDoctor] = document.projects
    expect(publicHealth?.budget).toEqual({ total: 128_600_000, fiscal: 96_450_000, other: 32_150_000 })
    expect(publicHealth?.plan).toEqual({ 3: null, 6: null, 10: null, 12: null })
    expect(publicHealth?.goals).toEqual(['为辖区常住居民免费提供国家基本公共卫生服务', '65岁及以上老年人健康管理率稳步提高'])
    expect(publicHealth?.indicators[0]).toMatchObject({
      level1: '产出指标',
      name: '居民电子健康档案建档率',
      description: '建档人数/常住人口',
      basis: '国家基本公共卫生服务规范',
      target: { raw: '不低于９０％', operator: '>=', value: 90, unit: '%', kind: 'level' },
    })
    expect(familyDoctor?.plan).toEqual({ 3: null, 6: null, 10: null, 12: null })
    expect(compactTargets(document)).toEqual([
      '居民电子健康档案建档率: >=90% level',
      '老年人健康体检人次: =1200人次 cumulative',
      '高血压患者规范管理率: >=60% level',
      '经费拨付及时性:  qualitative',
      '孕产妇系统管理率: >=85% level',
      '传染病报告及时率: =99.5% level',
      '居民健康素养水平:  qualitative',
      '居民满意度: >=95% level',
      '重点人群签约人数: <=3000人 cumulative',
      '签约服务团队数量: =24个 cumulative',
      '重点人群签约覆盖率: >=60% level',
      '签约居民满意度:  qualitative',
    ])
    const planWarnings = warnings.filter((w) => w.field === '资金支出计划')
    expect(planWarnings.map((w) => w.project)).toEqual(['基本公共卫生服务项目', '家庭医生签约服务补助'])
    expect(planWarnings[0]?.message).toContain('没有资金支出计划，计划进度按序时进度')
    expect(planWarnings[1]?.message).toContain('全部为空')
  })

  it('cells-merged-2021-civil.txt: seed layout with merged cells left out, no 其中, only 3月底', () => {
    const { document, warnings } = parseOk(readFixture('cells-merged-2021-civil.txt'))
    expect(document.department).toEqual({ code: '130304', name: '廊坊市安次区民政局' })
    const [project] = document.projects
    expect(project?.budget).toEqual({ total: 850_000_000, fiscal: null, other: null })
    expect(project?.plan).toEqual({ 3: 30, 6: null, 10: null, 12: null })
    expect(project?.indicators.map((i) => `${i.level1}/${i.level2}/${i.name}`)).toEqual([
      '产出指标/数量指标/城市低保保障人数',
      '产出指标/数量指标/农村低保保障人数',
      '产出指标/质量指标/低保金社会化发放率',
      '产出指标/时效指标/低保金发放时间',
      '效益指标/社会效益指标/困难群众基本生活保障水平',
      '满意度指标/服务对象满意度指标/低保对象满意度',
    ])
    expect(project?.indicators[1]?.target).toMatchObject({ operator: '>=', value: 3200, unit: '人' })
    expect(warnings.map((w) => w.field)).toEqual(['其中：财政资金', '资金支出计划'])
    expect(warnings[1]?.message).toContain('12月底为空，按 100% 计')
  })

  it('pipe-bare-2023-agriculture.txt: pipes without outer pipes, plan as pairs, unit and direction columns', () => {
    const { document, warnings } = parseOk(readFixture('pipe-bare-2023-agriculture.txt'))
    expect(document.year).toBe(2023)
    expect(document.department).toEqual({ code: '404006', name: '邯郸市肥乡区农业农村局' })
    const [farmland, village] = document.projects
    expect(farmland?.budget).toEqual({ total: 1_500_000_000, fiscal: 1_350_000_000, other: 150_000_000 })
    expect(farmland?.plan).toEqual({ 3: 10, 6: 35, 10: 80, 12: 100 })
    expect(village?.plan).toEqual({ 3: 20, 6: 50, 10: 90, 12: 100 })
    expect(farmland?.indicators[0]).toMatchObject({
      name: '新建高标准农田面积',
      description: '年度新建任务',
      target: { raw: '20000', operator: '>=', value: 20000, unit: '亩', kind: 'cumulative' },
    })
    expect(village?.indicators.at(-1)?.target).toMatchObject({ operator: '<=', value: 5, unit: '%' })
    expect(warnings.map((w) => w.message)).toEqual([
      '项目「高标准农田建设项目」指标「农田灌溉水有效利用系数」（第 17 行）的指标值「0.58」缺少单位，按水平值（非累计）读取',
    ])
  })
})

// One logical 绩效目标表, rendered in every layout the importer reads.
const TABLE: Table = [
  ['301007唐山市路北区市场监督管理局', '单位：万元'],
  ['项目编码', '301-2020-SC-0015', '项目名称', '食品安全抽检经费'],
  ['预算规模及资金用途', '预算数', '36.80', '其中：财政资金', '30.00', '其他资金', '6.80'],
  ['', '委托第三方检测机构开展食品安全监督抽检'],
  ['资金支出计划（%）', '3月底', '6月底', '10月底', '12月底'],
  ['', '15.00', '40.00', '', '100.00'],
  ['绩效目标', '1、完成食品安全监督抽检1200批次\n2、不合格食品核查处置率100%'],
  ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
  ['产出指标', '数量指标', '食品抽检批次', '全年监督抽检', '≥1200批次', '省局下达任务'],
  ['', '质量指标', '不合格食品核查处置率', '', '100%', ''],
  ['效益指标', '社会效益指标', '食品安全事故', '', '≤0起', ''],
  ['满意度指标', '服务对象满意度指标', '消费者满意度', '', '≥85', ''],
]

describe('parseDocument: the same table in every layout', () => {
  const title = '2020年部门预算绩效信息\n'
  const layouts: ReadonlyArray<readonly [string, string]> = [
    ['cell lines', `${title}\n${asCellLines(TABLE)}\n`],
    ['markdown pipes', `${title}\n${asPipes(TABLE, true)}\n`],
    ['bare pipes', `${title}\n${asPipes(TABLE, false)}\n`],
    ['tab rows', `${title}\n${asTabs(TABLE)}\n`],
  ]
  // Line numbers differ between layouts; everything else must not.
  const strip = (document: ParsedDocument): unknown => ({
    ...document,
    projects: document.projects.map((project) => ({ ...project, line: 0 })),
  })
  const reference = parseOk(layouts[0]?.[1] ?? '')

  it.each(layouts)('%s', (_name, text) => {
    const { document, warnings } = parseOk(text)
    expect(strip(document)).toEqual(strip(reference.document))
    expect(warnings.map((w) => w.field)).toEqual(reference.warnings.map((w) => w.field))
  })

  it('reads it right', () => {
    const [project] = reference.document.projects
    expect(reference.document.department).toEqual({ code: '301007', name: '唐山市路北区市场监督管理局' })
    expect(project?.budget).toEqual({ total: 36_800_000, fiscal: 30_000_000, other: 6_800_000 })
    expect(project?.plan).toEqual({ 3: 15, 6: 40, 10: null, 12: 100 })
    expect(project?.purpose).toBe('委托第三方检测机构开展食品安全监督抽检')
    expect(project?.indicators[1]).toMatchObject({ level1: '产出指标', level2: '质量指标', name: '不合格食品核查处置率' })
    expect(compactTargets(reference.document)).toEqual([
      '食品抽检批次: >=1200批次 cumulative',
      '不合格食品核查处置率: =100% level',
      '食品安全事故: <=0起 cumulative',
      '消费者满意度: >=85% level',
    ])
    expect(reference.warnings.map((w) => w.message)).toEqual([
      '项目「食品安全抽检经费」资金支出计划的 10月底 为空，计划进度在已填节点之间按月线性推算',
      '项目「食品安全抽检经费」指标「消费者满意度」（第 70 行）的指标值「≥85」缺少单位：指标为比率，按 % 读取',
    ])
  })
})

/** A minimal one-project document in markdown, with the indicator table given. */
function withIndicators(header: readonly string[], rows: Table, preamble: Table = []): string {
  return '2021年度项目支出绩效目标表\n' + asPipes(
    [
      ['单位名称', '301007唐山市路北区市场监督管理局', '单位：万元'],
      ...preamble,
      ['项目编码', 'X-01', '项目名称', '特种设备检验经费'],
      ['预算数', '10.00', '其中：财政资金', '10.00'],
      ['资金用途', '电梯、锅炉定期检验'],
      ['资金支出计划（%）', '3月底', '6月底', '10月底', '12月底'],
      ['', '25', '50', '75', '100'],
      ['绩效目标', '1、完成特种设备定期检验'],
      header,
      ...rows,
    ],
    true,
  )
}

describe('parseDocument: column headers are found by name', () => {
  it.each(['指标值', '目标值', '指标值及单位', '年度指标值', '当年预期实现值', '年度目标值'])('value column headed %s', (valueHeader) => {
    const text = withIndicators(['一级指标', '二级指标', '三级指标', valueHeader], [['产出指标', '数量指标', '检验台次', '≥800台']])
    const { document } = parseOk(text)
    expect(document.projects[0]?.indicators[0]?.target).toMatchObject({ operator: '>=', value: 800, unit: '台' })
  })

  it('reads columns in any order, with 指标性质, 计量单位, 分值 and 指标方向', () => {
    const text = withIndicators(
      ['分值', '指标值', '三级指标', '计量单位', '指标性质', '指标方向', '二级指标', '一级指标'],
      [
        ['20', '800', '检验台次', '台', '≥', '正向', '数量指标', '产出指标(60分)'],
        ['10', '2', '检验超期率', '%', '定量', '反向', '质量指标', ''],
        ['10', '及时', '报告出具时效', '', '定性', '', '时效指标', ''],
      ],
    )
    const { document, warnings } = parseOk(text)
    expect(document.projects[0]?.indicators.map((i) => [i.level1, i.level2, i.name, i.weight, i.target.operator, i.target.value, i.target.unit, i.target.kind])).toEqual([
      ['产出指标', '数量指标', '检验台次', 20, '>=', 800, '台', 'cumulative'],
      ['产出指标', '质量指标', '检验超期率', 10, '<=', 2, '%', 'level'],
      ['产出指标', '时效指标', '报告出具时效', 10, null, null, null, 'qualitative'],
    ])
    expect(warnings).toEqual([])
  })

  it('carries merged 一级/二级 down, but a new 一级 starts a new 二级 group', () => {
    const text = withIndicators(
      ['一级指标', '二级指标', '三级指标', '指标值'],
      [
        ['产出指标（40分）', '数量指标', '检验台次', '≥800台'],
        ['', '', '复检台次', '≥50台'],
        ['效益指标（权重30%）', '', '安全事故', '0起'],
      ],
    )
    const { document, warnings } = parseOk(text)
    expect(document.projects[0]?.indicators.map((i) => [i.level1, i.level2])).toEqual([
      ['产出指标', '数量指标'],
      ['产出指标', '数量指标'],
      ['效益指标', ''],
    ])
    expect(warnings.map((w) => w.field)).toEqual(['二级指标'])
    expect(warnings[0]?.message).toContain('安全事故')
  })
})

describe('parseDocument: money', () => {
  it.each<readonly [string, string, number]>([
    ['单位：万元', '3.00', 3_000_000],
    ['单位：万元', '6.3', 6_300_000],
    ['单位：元', '30,000.00', 3_000_000],
    ['单位：元', '386,500.50', 38_650_050],
    ['（单位：元）', '１２３４５．６７', 1_234_567],
    ['单位：元', '3.00万元', 3_000_000],
  ])('%s %s → %d 分', (unitCell, budget, fen) => {
    const text = asPipes(
      [
        ['单位名称', '301007唐山市路北区市场监督管理局', unitCell],
        ['项目编码', 'X-01', '项目名称', '计量检定经费'],
        ['预算数', budget, '其中：财政资金', budget],
        ['绩效目标', '1、完成计量器具强制检定'],
        ['三级指标', '指标值'],
        ['检定台件数', '≥3000台件'],
      ],
      true,
    )
    expect(parseOk(text).document.projects[0]?.budget).toEqual({ total: fen, fiscal: fen, other: null })
  })

  it('takes the unit from the budget label, and warns when none is stated', () => {
    const labeled = asPipes([['项目编码', 'X-01', '项目名称', '计量检定经费'], ['预算数（元）', '8,000.00'], ['三级指标', '指标值'], ['检定台件数', '≥300台件']], true)
    expect(parseOk(labeled).document.projects[0]?.budget.total).toBe(800_000)
    const unstated = parseOk(labeled.replace('预算数（元）', '预算数'))
    expect(unstated.document.projects[0]?.budget.total).toBe(8_000_000_000)
    expect(unstated.warnings.map((w) => w.message)).toContain('项目「计量检定经费」未写金额单位（单位：万元 / 元），按万元读取')
  })

  it('warns when 财政资金 + 其他资金 is not the budget', () => {
    const text = withIndicators(['三级指标', '指标值'], [['检验台次', '≥800台']]).replace('| 10.00 | 其中：财政资金 | 10.00 |', '| 10.00 | 其中：财政资金 | 9.00 |')
    expect(parseOk(text).warnings.map((w) => w.message)).toContain('项目「特种设备检验经费」的财政资金与其他资金之和不等于预算数，请核对')
  })
})

describe('parseDocument: document-level warnings', () => {
  it('warns about a missing year and department, and a repeated project code', () => {
    const project: Table = [
      ['项目编码', 'X-01', '项目名称', '特种设备检验经费'],
      ['预算数', '10.00'],
      ['三级指标', '指标值'],
      ['检验台次', '≥800台'],
    ]
    const { document, warnings } = parseOk(`单位：万元\n${asPipes([...project, ...project], false)}`)
    expect(document.year).toBeNull()
    expect(document.department).toEqual({ code: '', name: '' })
    // The same table twice is one project (a differing one would be an error: documentErrors.test.ts).
    expect(document.projects).toHaveLength(1)
    const fields = warnings.map((w) => w.field)
    expect(fields).toContain('年度')
    expect(fields).toContain('单位')
    expect(fields).toContain('项目编码')
  })
})

describe('parseDocument: errors', () => {
  it.each<readonly [string, string, RegExp, number | null]>([
    ['empty text', '', /文件为空.*\/ the file is empty/, null],
    ['only blanks', ' \n\t\n  \n', /文件为空/, null],
    ['binary garbage', `PK\u0003\u0004${'\u0000'.repeat(40)}word/document.xml`, /不是文本.*not UTF-8 text/, 1],
    ['GBK read as UTF-8', `2020\n${'\uFFFD\uFFFD\uFFFD\uFFFD'.repeat(30)}\n`, /不是文本/, 2],
    ['a department-wide 整体绩效目标', readFixture('error-no-project-2020-overview.txt'), /部门（单位）整体支出的绩效目标或评价表.*department-wide/, 1],
    ['prose only', '工作总结\n今年完成了各项任务。\n明年继续努力。', /未找到任何项目.*no project found/, 3],
    ['budget in words', readFixture('error-budget-text-2021-culture.md'), /预算数「叁拾万元整」不是金额数字.*is not a number/, 6],
  ])('%s', (_name, text, message, line) => {
    const { error } = parseError(text)
    expect(error.message).toMatch(message)
    expect(error.message).not.toContain('\n')
    expect(error.line).toBe(line)
    if (line !== null) expect(error.message.startsWith(`第 ${line} 行：`)).toBe(true)
  })

  it.each<readonly [string, (text: string) => string, RegExp]>([
    ['blank budget', (t) => t.replace('| 预算数 | 10.00 |', '| 预算数 | |'), /预算数「」不是金额数字/],
    ['fiscal not a number', (t) => t.replace('其中：财政资金 | 10.00', '其中：财政资金 | 十万'), /财政资金「十万」不是金额数字/],
    ['no name', (t) => t.replace('| 特种设备检验经费 |', '| |'), /缺少项目名称/],
    ['no budget', (t) => t.replace('预算数', '预算'), /缺少预算数/],
    ['indicator without name', (t) => t.replace('| 检验台次 |', '| |'), /第 1 个指标没有三级指标名称/],
    ['header without rows', (t) => t.replace(/\n\| 检验台次.*$/, ''), /指标表到此中断/],
  ])('%s', (_name, edit, message) => {
    const text = edit(withIndicators(['三级指标', '指标值'], [['检验台次', '≥800台']]))
    expect(parseError(text).error.message).toMatch(message)
  })

  it('keeps the complete projects when one is broken, listing it with what is wrong and where', () => {
    const good = readFixture('pipe-yuan-2021-education.md')
    const broken = good.replace('| 预算数 | 386,500.50 |', '| 预算数 | 待定 |')
    const whole = parseOk(good).document.projects
    const result = parseDocument(broken)
    if (!result.ok) expect.fail(result.error.message)
    const [incomplete] = result.incomplete
    expect(result.incomplete).toHaveLength(1)
    expect(incomplete).toMatchObject({ name: '义务教育阶段学生资助', missing: ['预算数'] })
    expect(incomplete?.errors[0]?.expected).toContain('30,000.00')
    expect(result.document.projects.map((p) => p.name)).toEqual(whole.map((p) => p.name).filter((n) => n !== '义务教育阶段学生资助'))
  })

  it('a table cut off before its indicators is incomplete; the complete project before it is importable', () => {
    const result = parseDocument(readFixture('error-cut-off-2020-emergency.txt'))
    if (!result.ok) expect.fail(result.error.message)
    expect(result.document.projects.map((p) => p.name)).toEqual(['消防车辆购置经费'])
    expect(result.incomplete.map((p) => [p.name, p.line, p.missing])).toEqual([['应急物资储备经费', 65, ['指标表']]])
    expect(result.incomplete[0]?.errors[0]?.message).toMatch(/^第 94 行：项目「应急物资储备经费」的绩效目标表到此中断/)
  })

  it('a form without 项目编码 gets a 自编 code from its name, the same in every import', () => {
    const text = withIndicators(['三级指标', '指标值'], [['检验台次', '≥800台']]).replace('| X-01 |', '| |')
    const first = parseOk(text).document.projects[0]
    expect(first).toMatchObject({ name: '特种设备检验经费', isCodeGenerated: true })
    expect(first?.code).toMatch(/^ZB-/)
    expect(parseOk(text).document.projects[0]?.code).toBe(first?.code)
    expect(parseOk(text).warnings.some((w) => w.field === '项目编码' && w.message.includes('自编编码'))).toBe(true)
  })

  it('never throws and never returns a project without its required fields (every cut of the seed)', () => {
    const lines = SEED.split('\n')
    for (let end = 0; end <= lines.length; end++) {
      const result = parseDocument(lines.slice(0, end).join('\n'))
      if (!result.ok) continue
      for (const project of result.document.projects) {
        expect(project.code).not.toBe('')
        expect(project.name).not.toBe('')
        expect(project.indicators.length).toBeGreaterThan(0)
      }
    }
  }, 60_000) // parses the seed once per line: seconds on a loaded machine

  it('never throws on shuffled lines', () => {
    const lines = SEED.split('\n')
    let seed = 7
    const random = (): number => {
      seed = (seed * 48271) % 2147483647
      return seed / 2147483647
    }
    for (let round = 0; round < 30; round++) {
      const shuffled = [...lines].sort(() => random() - 0.5)
      expect(() => parseDocument(shuffled.join('\n'))).not.toThrow()
    }
  })
})
