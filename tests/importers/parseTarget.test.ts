import { describe, expect, it } from 'vitest'
import type { IndicatorKind, Operator } from '../../src/domain/types'
import { isRateIndicator, parseOperatorWord, parseTarget, undoubled, type TargetContext } from '../../src/importers/parseTarget'

type Expected = readonly [Operator | null, number | null, string | null, IndicatorKind]

const RATE: TargetContext = { name: '人民调解工作满意率', description: '群众对调解工作满意度' }

describe('parseTarget: the 15 指标值 of the seed', () => {
  // [raw, context, expected, number of warnings]
  it.each<readonly [string, TargetContext | undefined, Expected, number]>([
    ['≥100100件以上', { name: '法律案件受理数' }, ['>=', 100, '件', 'cumulative'], 1],
    ['≥9898%以上', { name: '扩大法律援助覆盖面' }, ['>=', 98, '%', 'level'], 1],
    ['≥9898%以上', { name: '法律顾问受理案件率' }, ['>=', 98, '%', 'level'], 1],
    ['100100%', { name: '依法执政，合理执政' }, ['=', 100, '%', 'level'], 1],
    ['100100%', { name: '建设法只政府' }, ['=', 100, '%', 'level'], 1],
    ['100100%', { name: '制度建设和实施效果' }, ['=', 100, '%', 'level'], 1],
    ['≥100100件以上', { name: '人民调解案件数' }, ['>=', 100, '件', 'cumulative'], 1],
    ['≥9595%及以上', { name: '群众矛盾降低率' }, ['>=', 95, '%', 'level'], 1],
    ['≥95955及以上', RATE, ['>=', 95, '%', 'level'], 2],
    ['≥1515次及以上', { name: '社区矫正宣传场次' }, ['>=', 15, '次', 'cumulative'], 1],
    ['≥9595%以上', { name: '社区矫正培训对象' }, ['>=', 95, '%', 'level'], 1],
    ['≤11%以下', { name: '降低社区矫正对象重新犯罪' }, ['<=', 1, '%', 'level'], 1],
    ['≥9595%以上', { name: '普法宣传资料印制' }, ['>=', 95, '%', 'level'], 1],
    ['≥9595%以上', { name: '全区法律意识和素质率' }, ['>=', 95, '%', 'level'], 1],
    ['≥9595%及以上', { name: '组织主题教育活动场次' }, ['>=', 95, '%', 'level'], 1],
  ])('%s', (raw, context, [operator, value, unit, kind], warningCount) => {
    const { target, warnings } = parseTarget(raw, context)
    expect(target).toEqual({ raw, operator, value, unit, kind })
    expect(warnings).toHaveLength(warningCount)
    for (const warning of warnings) expect(warning).toContain(`指标值「${raw}」`)
  })

  it('says why ≥95955及以上 is read as 95 %', () => {
    const { warnings } = parseTarget('≥95955及以上', RATE)
    expect(warnings.join('\n')).toMatch(/比率/)
    expect(warnings.join('\n')).toMatch(/Shift/)
  })

  it('marks a collapse that could be wrong (≤11%以下 might mean 11 %)', () => {
    const [warning] = parseTarget('≤11%以下').warnings
    expect(warning).toContain('若 11 才是原意')
  })
})

describe('parseTarget: variants of other documents', () => {
  it.each<readonly [string, TargetContext | undefined, Expected]>([
    // operators as words
    ['大于等于95%', undefined, ['>=', 95, '%', 'level']],
    ['不低于90%', undefined, ['>=', 90, '%', 'level']],
    ['不少于3200人', undefined, ['>=', 3200, '人', 'cumulative']],
    ['至少12期', undefined, ['>=', 12, '期', 'cumulative']],
    ['小于等于5%', undefined, ['<=', 5, '%', 'level']],
    ['不高于3%', undefined, ['<=', 3, '%', 'level']],
    ['不超过 1500 元', undefined, ['<=', 1500, '元', 'level']],
    ['等于100%', undefined, ['=', 100, '%', 'level']],
    ['大于80分', undefined, ['>', 80, '分', 'level']],
    ['小于2天', undefined, ['<', 2, '天', 'level']],
    ['低于0.5‰', undefined, ['<', 0.5, '‰', 'level']],
    // symbols: ASCII, full-width, and suffix words
    ['>=90%', undefined, ['>=', 90, '%', 'level']],
    ['<=5%', undefined, ['<=', 5, '%', 'level']],
    ['＞＝９５％', undefined, ['>=', 95, '%', 'level']],
    ['≥ 95 %', undefined, ['>=', 95, '%', 'level']],
    ['＝２４个', undefined, ['=', 24, '个', 'cumulative']],
    ['>50户', undefined, ['>', 50, '户', 'cumulative']],
    ['60%及以上', undefined, ['>=', 60, '%', 'level']],
    ['95%以上（含）', undefined, ['>=', 95, '%', 'level']],
    ['3个工作日内', undefined, ['<=', 3, '个工作日', 'level']],
    ['30天以内', undefined, ['<=', 30, '天', 'level']],
    // 百分比, separators, decimals
    ['大于等于60百分比', undefined, ['>=', 60, '%', 'level']],
    ['95百分比', undefined, ['=', 95, '%', 'level']],
    ['1,200人次', undefined, ['=', 1200, '人次', 'cumulative']],
    ['≥12,500份', undefined, ['>=', 12500, '份', 'cumulative']],
    ['99.5%', undefined, ['=', 99.5, '%', 'level']],
    ['≥0.58', { name: '农田灌溉水有效利用系数' }, ['>=', 0.58, null, 'level']],
    // count units are cumulative, others level
    ['≥20场次', undefined, ['>=', 20, '场次', 'cumulative']],
    ['6场', undefined, ['=', 6, '场', 'cumulative']],
    ['500册', undefined, ['=', 500, '册', 'cumulative']],
    ['≥3篇', undefined, ['>=', 3, '篇', 'cumulative']],
    ['2批', undefined, ['=', 2, '批', 'cumulative']],
    ['18所', undefined, ['=', 18, '所', 'cumulative']],
    ['≥4项', undefined, ['>=', 4, '项', 'cumulative']],
    ['24小时', undefined, ['=', 24, '小时', 'level']],
    ['≤600万元', undefined, ['<=', 600, '万元', 'level']],
    ['≥85分', undefined, ['>=', 85, '分', 'level']],
    // qualitative
    ['优良', undefined, [null, null, null, 'qualitative']],
    ['持续影响', undefined, [null, null, null, 'qualitative']],
    ['按计划实施', undefined, [null, null, null, 'qualitative']],
    ['11月底之前', undefined, [null, null, null, 'qualitative']],
    ['有效提升', undefined, [null, null, null, 'qualitative']],
    ['每月10日前', undefined, [null, null, null, 'qualitative']],
    ['2020年12月底前完成', undefined, [null, null, null, 'qualitative']],
  ])('%s', (raw, context, [operator, value, unit, kind]) => {
    expect(parseTarget(raw, context).target).toEqual({ raw, operator, value, unit, kind })
  })

  it.each(['优良', '持续影响', '按计划实施', '11月底之前', '有效提升', '≥20场次', '99.5%', '1,200人次'])(
    '%s needs no warning',
    (raw) => {
      expect(parseTarget(raw).warnings).toEqual([])
    },
  )
})

describe('parseTarget: missing units and ambiguity', () => {
  it.each<readonly [string, TargetContext | undefined, Expected, RegExp]>([
    ['≥95', { name: '居民满意度' }, ['>=', 95, '%', 'level'], /比率，按 % 读取/],
    ['100', { name: '资助对象认定准确率' }, ['=', 100, '%', 'level'], /比率/],
    ['≥90', { name: '群众评价', description: '群众对服务的满意度' }, ['>=', 90, '%', 'level'], /比率/],
    ['50', { name: '项目区亩均增产' }, ['=', 50, null, 'level'], /缺少单位，按水平值/],
    ['', undefined, [null, null, null, 'qualitative'], /为空/],
    ['   ', undefined, [null, null, null, 'qualitative'], /为空/],
    ['≥良好', undefined, [null, null, null, 'qualitative'], /无法读出数值/],
    ['90%-100%', undefined, [null, null, null, 'qualitative'], /无法读出数值/],
    ['≥12段', undefined, ['>=', 12, '段', 'level'], /不在常用单位/],
    ['≥90%以下', undefined, ['>=', 90, '%', 'level'], /矛盾/],
  ])('%s', (raw, context, [operator, value, unit, kind], warning) => {
    const result = parseTarget(raw, context)
    expect(result.target).toEqual({ raw, operator, value, unit, kind })
    expect(result.warnings.join('\n')).toMatch(warning)
  })

  // A genuine 11 or 100 must survive: collapsing needs a second hint.
  it.each<readonly [string, number, boolean]>([
    ['11件', 11, false],
    ['100件', 100, false],
    ['≥11件', 11, false],
    ['≥44场', 44, false],
    ['11件以上', 11, false],
    ['≥1111件', 11, true],
    ['8888元', 8888, true],
    ['1010', 1010, true],
    ['≥1212人次以上', 12, true],
    ['≥5050%', 50, true],
    ['5555%', 55, true],
    ['≤33%以下', 3, true],
    ['≥9999.5%', 9999.5, false],
  ])('%s → %d', (raw, value, hasWarning) => {
    const result = parseTarget(raw)
    expect(result.target.value).toBe(value)
    expect(result.warnings.length > 0).toBe(hasWarning)
  })

  // One rule for doubled numbers (see readDigits): [raw, context, value, unit, warning].
  it.each<readonly [string, TargetContext | undefined, number, string | null, RegExp]>([
    // a leading operator and ≥ 4 digits: the two-run artefact, repaired, both readings named
    ['≥4040场以上', { name: '惠民演出场次' }, 40, '场', /4040 疑为重复录入的 40，按 40 读取；若 4040 才是原意/],
    ['≥5000050000平方米以上', { name: '改造面积' }, 50000, '平方米', /5000050000 疑为重复录入的 50000/],
    ['≥2000020000人次', { name: '观演人次' }, 20000, '人次', /2000020000 疑为重复录入的 20000，按 20000 读取；若 2000020000 才是原意/],
    ['≥30003000册', { name: '新购图书册数' }, 3000, '册', /30003000 疑为重复录入的 3000，按 3000 读取/],
    ['大于等于30003000册', { name: '新购图书册数' }, 3000, '册', /疑为重复录入的 3000/],
    ['4040场以上', { name: '惠民演出场次' }, 40, '场', /疑为重复录入的 40/],
    // an impossible percentage
    ['≥9898%以上', { name: '扩大法律援助覆盖面' }, 98, '%', /百分比不可能为 9898/],
    ['≥9090百分比', { name: '群众满意度' }, 90, '%', /百分比不可能为 9090/],
    // a bare number (no operator, no suffix) may be genuine: kept, with a warning naming both
    ['1212人', { name: '资助传承人数' }, 1212, '人', /1212 形似重复录入的 12（无比较符号，可能是原值），按 1212 读取；若应为 12/],
    ['30003000', { name: '新购图书册数' }, 30003000, null, /形似重复录入的 3000/],
  ])('%s %o → %d %s', (raw, context, value, unit, warning) => {
    const { target, warnings } = parseTarget(raw, context)
    expect(target).toMatchObject({ value, unit })
    expect(warnings.join('\n')).toMatch(warning)
  })

  it.each<readonly [string, number, number]>([
    // [raw of a rate without %, value read, number of warnings]
    ['≥9595及以上', 95, 2], // doubled 95, no %: not 959 %
    ['≥95955及以上', 95, 2], // doubled 95 and the % typed as 5 (the seed)
    ['≥9898', 98, 2],
    ['≥955', 95, 1],
    ['≥1005', 100, 1],
    ['≥85', 85, 1],
  ])('rate %s reads as %d %%, %d warnings (the reading ≤ 100 wins)', (raw, value, warningCount) => {
    const { target, warnings } = parseTarget(raw, { name: '传承人满意度' })
    expect(target).toMatchObject({ operator: '>=', value, unit: '%', kind: 'level' })
    expect(warnings).toHaveLength(warningCount)
    expect(warnings.join('\n')).not.toMatch(/959%|9595%/)
  })

  it('says that a rate target above 100 % cannot be met', () => {
    const { target, warnings } = parseTarget('≥120%', { name: '群众满意度' })
    expect(target.value).toBe(120)
    expect(warnings.join('\n')).toMatch(/高于 100% 无法达到/)
    expect(parseTarget('≥120%', { name: '演出场次' }).warnings).toEqual([])
  })

  it('reads the trailing 5 as % only for a rate', () => {
    expect(parseTarget('≥95955及以上', { name: '宣传场次' }).target).toMatchObject({ value: 95955, unit: null })
    expect(parseTarget('≥955', { name: '满意率' }).target).toMatchObject({ value: 95, unit: '%' })
    expect(parseTarget('≥85', { name: '满意率' }).target).toMatchObject({ value: 85, unit: '%' })
  })

  it('keeps raw exactly as written', () => {
    for (const raw of [' ≥100100件以上 ', '＞＝９５％', '', '优良\n（定性）']) {
      expect(parseTarget(raw).target.raw).toBe(raw)
    }
  })
})

describe('parseTarget: extra columns', () => {
  it.each<readonly [string, TargetContext, Expected]>([
    ['18', { nature: '≥', unit: '所' }, ['>=', 18, '所', 'cumulative']],
    ['4,350', { nature: '大于等于', unit: '人' }, ['>=', 4350, '人', 'cumulative']],
    ['600', { nature: '=', unit: '元/人·年' }, ['=', 600, '元/人·年', 'level']],
    ['0.5', { nature: '≤', unit: '%', direction: '反向' }, ['<=', 0.5, '%', 'level']],
    ['5', { unit: '%', direction: '反向' }, ['<=', 5, '%', 'level']],
    ['90', { unit: '百分比', direction: '正向' }, ['>=', 90, '%', 'level']],
    ['20000', { nature: '定量', unit: '亩' }, ['=', 20000, '亩', 'cumulative']],
    ['优良', { nature: '定性' }, [null, null, null, 'qualitative']],
    ['≥95%', { nature: '定量', unit: '%' }, ['>=', 95, '%', 'level']],
  ])('%s with %o', (raw, context, [operator, value, unit, kind]) => {
    const result = parseTarget(raw, context)
    expect(result.target).toEqual({ raw, operator, value, unit, kind })
    expect(result.warnings).toEqual([])
  })

  it('prefers the cell over a contradicting column, and says so', () => {
    const unit = parseTarget('≥20场', { unit: '次' })
    expect(unit.target.unit).toBe('场')
    expect(unit.warnings.join()).toMatch(/不一致/)
    const operator = parseTarget('≤5%', { nature: '≥' })
    expect(operator.target.operator).toBe('<=')
    expect(operator.warnings.join()).toMatch(/不一致/)
    const direction = parseTarget('≥5%', { direction: '反向' })
    expect(direction.target.operator).toBe('>=')
    expect(direction.warnings.join()).toMatch(/指标方向/)
  })

  it('warns when 定量 has no number', () => {
    expect(parseTarget('按时完成', { nature: '定量' }).warnings.join()).toMatch(/定量/)
  })
})

describe('helpers', () => {
  it.each<readonly [string, string | null]>([
    ['100100', '100'],
    ['9898', '98'],
    ['11', '1'],
    ['1515', '15'],
    ['9595', '95'],
    ['95955', null],
    ['1234', null],
    ['0909', null],
    ['00', '0'],
    ['', null],
  ])('undoubled(%s) = %s', (digits, half) => {
    expect(undoubled(digits)).toBe(half)
  })

  it.each<readonly [TargetContext, boolean]>([
    [{ name: '人民调解工作满意率' }, true],
    [{ name: '服务对象', description: '群众对调解工作满意度' }, true],
    [{ name: '重点人群签约覆盖率' }, true],
    [{ name: '人民调解案件数', description: '人民调解员调解案件数量' }, false],
    [{}, false],
  ])('isRateIndicator(%o) = %s', (context, isRate) => {
    expect(isRateIndicator(context)).toBe(isRate)
  })

  it.each<readonly [string, Operator | null]>([
    ['≥', '>='],
    ['大于等于', '>='],
    ['＜＝', '<='],
    ['=', '='],
    ['定量', null],
  ])('parseOperatorWord(%s) = %s', (word, operator) => {
    expect(parseOperatorWord(word)).toBe(operator)
  })
})
