import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { effectScope, nextTick } from 'vue'
import { useImportDocument } from '@/composables/useImportDocument'
import { db } from '@/db/database'

afterEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
})

const settle = async () => {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0))
    await nextTick()
  }
}

describe('useImportDocument', () => {
  it('pasted rows → preview → year chosen → stored; the same text again updates', async () => {
    const scope = effectScope()
    const importer = scope.run(() => useImportDocument())!
    const text = readFileSync('tests/fixtures/tab-excel-2022-health.tsv', 'utf8').split('\n').slice(1).join('\n')

    await importer.readPasted(text)
    expect(importer.state.value.step).toBe('preview')
    await importer.confirm()
    expect(importer.state.value.step).toBe('preview') // no year yet: nothing stored
    expect(await db.projects.count()).toBe(0)

    importer.chosenYear.value = 2022
    await importer.confirm()
    const done = importer.state.value
    expect(done.step === 'done' && done.summary).toMatchObject({ year: 2022, departmentCode: '207014', projectsCreated: 2 })

    await importer.readPasted(text)
    importer.chosenYear.value = 2022
    await settle()
    expect(importer.storedCodes.value).toEqual(new Set(['130207-22-0031', '130207-22-0058']))
    await importer.confirm()
    const again = importer.state.value
    expect(again.step === 'done' && again.summary).toMatchObject({ projectsCreated: 0, projectsUpdated: 2 })
    expect(await db.projects.count()).toBe(2)
    scope.stop()
  })

  it('reads pasted HTML (a table copied from Word) cell by cell, merged cells included', async () => {
    const scope = effectScope()
    const importer = scope.run(() => useImportDocument())!
    const html =
      '<table><tr><td>单位名称</td><td colspan=2>410526滑县交通运输局</td></tr>' +
      '<tr><td>项目编码</td><td>A-1</td><td>项目名称</td><td>养护</td></tr><tr><td>预算数（万元）</td><td>10</td></tr>' +
      '<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>' +
      '<tr><td rowspan=2>产出指标</td><td>数量指标</td><td>里程</td><td>≥320公里</td></tr>' +
      '<tr><td>质量指标</td><td>优良率</td><td>≥85%</td></tr></table>'
    await importer.readPasted('plain text is ignored when the HTML has the table', html)
    const state = importer.state.value
    if (state.step !== 'preview') expect.fail(`expected a preview, got ${state.step}`)
    expect(state.preview.source.linesAreRows).toBe(true)
    expect(state.preview.document.department.code).toBe('410526')
    expect(state.preview.document.projects[0]?.indicators.map((i) => `${i.level1}/${i.level2}/${i.name}`)).toEqual([
      '产出指标/数量指标/里程',
      '产出指标/质量指标/优良率',
    ])
    scope.stop()
  })

  it('a file that cannot be read fails with the parser’s line and advice', async () => {
    const scope = effectScope()
    const importer = scope.run(() => useImportDocument())!
    await importer.readFile(new File(['2021年部门预算\n项目编码\tX\n项目名称\t甲\n预算数\t三万'], 'bad.txt'))
    const state = importer.state.value
    expect(state.step).toBe('failed')
    if (state.step === 'failed') expect(state.errors[0]?.message).toMatch(/第 \d+ 行/)
    scope.stop()
  })

  it('a partial document previews its complete project and the incomplete ones; only the complete one is stored', async () => {
    const scope = effectScope()
    const importer = scope.run(() => useImportDocument())!
    const text = readFileSync('tests/fixtures/error-many-2021-emergency.txt', 'utf8')
    await importer.readFile(new File([text], '应急局.txt'))
    const state = importer.state.value
    if (state.step !== 'preview') expect.fail(`expected a preview, got ${state.step}`)
    expect(state.preview.document.projects.map((p) => p.name)).toEqual(['防灾减灾宣传经费'])
    expect(state.preview.incomplete.map((p) => [p.name, p.missing])).toEqual([
      ['安全生产执法经费', ['预算数']],
      ['应急演练经费', ['其中：财政资金']],
      ['应急物资储备经费', ['三级指标']],
      ['应急值守经费', ['项目编码']],
    ])
    await importer.confirm()
    expect(importer.state.value.step).toBe('done')
    expect((await db.projects.toArray()).map((p) => p.name)).toEqual(['防灾减灾宣传经费'])
    scope.stop()
  })

  it('stores a form without 项目编码 under its 自编 code, or under the code the user typed', async () => {
    const scope = effectScope()
    const importer = scope.run(() => useImportDocument())!
    await importer.readFile(new File([readFileSync('tests/fixtures/pipe-twolevel-2022-ezhou.md')], '鄂州.md'))
    const state = importer.state.value
    if (state.step !== 'preview') expect.fail(`expected a preview, got ${state.step}`)
    expect(importer.projectCodes.value[0]).toMatch(/^ZB-/)
    importer.setProjectCode(0, 'HQ/01')
    expect(importer.codeProblem.value).toMatch(/含有“\/”/)
    await importer.confirm()
    expect(await db.projects.count()).toBe(0)
    importer.setProjectCode(0, '420701-HQ-01')
    expect(importer.codeProblem.value).toBeNull()
    await importer.confirm()
    expect((await db.projects.toArray()).map((p) => [p.code, p.name])).toEqual([['420701-HQ-01', '办公楼运行保障']])
    scope.stop()
  })

  it('reads an .xlsx with its sheets; an .xls gets the save-as message', async () => {
    const scope = effectScope()
    const importer = scope.run(() => useImportDocument())!
    await importer.readFile(new File([readFileSync('tests/fixtures/xlsx-sheets-2022-housing.xlsx')], '住建局.xlsx'))
    const state = importer.state.value
    if (state.step !== 'preview') expect.fail(`expected a preview, got ${state.step}`)
    expect(state.preview.source.label).toBe('Excel 工作簿（.xlsx）')
    expect(state.preview.sheets?.map((s) => s.name)).toEqual(['封面', '老旧小区改造', '多个项目'])
    await importer.readFile(new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])], '旧表.xls'))
    const failed = importer.state.value
    if (failed.step !== 'failed') expect.fail(`expected failed, got ${failed.step}`)
    expect(failed.errors[0]?.message).toMatch(/另存为 \.xlsx/)
    scope.stop()
  })
})
