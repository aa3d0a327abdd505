import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../src/importers/document'
import { parseDocx, parseHtmlTables } from '../../src/importers/docx'
import { toParseJson } from '../../src/importers/parseJson'
import { buildDocx, TRANSPORT_DOCX, TRANSPORT_DOCX_PATH, type DocxBlock } from '../fixtures/buildDocx'
import { readFixture } from './helpers'

const cellsOf = (html: string) => parseHtmlTables(html).map((row) => [row.kind, ...row.cells])

describe('parseHtmlTables', () => {
  it('numbers paragraphs and table rows in document order', () => {
    const rows = parseHtmlTables('<h1>2022年度部门预算</h1><p>说明</p><table><tr><td><p>项目编码</p></td><td><p>A-1</p></td></tr></table><p>附注</p>')
    expect(rows.map((row) => [row.line, row.kind, row.cells.join('|')])).toEqual([
      [1, 'text', '2022年度部门预算'],
      [2, 'text', '说明'],
      [3, 'cells', '项目编码|A-1'],
      [4, 'text', '附注'],
    ])
  })

  it.each([
    ['a cell merged across stays one cell', '<table><tr><td colspan="3"><p>项目名称</p></td><td><p>x</p></td></tr></table>', [['cells', '项目名称', 'x']]],
    [
      'a cell merged down leaves an empty cell below',
      '<table><tr><td rowspan="2"><p>产出指标</p></td><td><p>a</p></td></tr><tr><td><p>b</p></td></tr></table>',
      [['cells', '产出指标', 'a'], ['cells', '', 'b']],
    ],
    [
      'merged down in the middle and at the end of a row',
      '<table><tr><td><p>1</p></td><td rowspan="3"><p>m</p></td><td><p>2</p></td><td rowspan="2"><p>依据</p></td></tr>' +
        '<tr><td><p>3</p></td><td><p>4</p></td></tr><tr><td><p>5</p></td><td><p>6</p></td><td><p>7</p></td></tr></table>',
      [['cells', '1', 'm', '2', '依据'], ['cells', '3', '', '4', ''], ['cells', '5', '', '6', '7']],
    ],
    [
      'a wide cell merged down covers its whole width',
      '<table><tr><td colspan="2" rowspan="2"><p>w</p></td><td><p>a</p></td></tr><tr><td><p>b</p></td></tr></table>',
      [['cells', 'w', 'a'], ['cells', '', 'b']],
    ],
    [
      'paragraphs and line breaks in a cell become lines; entities are decoded',
      '<table><tr><td><p>1、甲&amp;乙</p><p>2、&lt;丙&gt; <strong>丁</strong></p><p></p></td><td><p>a<br />b</p></td></tr></table>',
      [['cells', '1、甲&乙\n2、<丙> 丁', 'a\nb']],
    ],
    [
      'a table inside a cell is read as that cell’s text',
      '<table><tr><td><table><tr><td><p>x</p></td><td><p>y</p></td></tr></table></td><td><p>z</p></td></tr></table>',
      [['cells', 'x\ny', 'z']],
    ],
    [
      'clipboard HTML from Word: head, styles, conditional comments and source line breaks are not text',
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset=utf-8><title>t</title><style>td {mso-x: 1}</style>' +
        '<!--[if gte mso 9]><xml><o:DocumentProperties></o:DocumentProperties></xml><![endif]--></head><body>\r\n' +
        '<table class=MsoTableGrid><tr><td rowspan=2 valign=top><p class=MsoNormal><span lang=ZH-CN>产出\r\n指标</span><o:p></o:p></p></td>' +
        '<td><p class=MsoNormal><![if !supportLists]>1、<![endif]>数量&nbsp;指标</p></td></tr>\r\n<tr><td><p>b</p></td></tr></table></body></html>',
      [['cells', '产出 指标', '1、数量 指标'], ['cells', '', 'b']],
    ],
    ['empty paragraphs are skipped', '<p></p><p>  </p><p>a&#x4e00;&#20108;</p>', [['text', 'a一二']]],
  ])('%s', (_label, html, expected) => {
    expect(cellsOf(html)).toEqual(expected)
  })
})

describe('parseDocx', () => {
  it('reads the transport bureau .docx with merged cells: department, year, projects, warnings', async () => {
    const result = await parseDocx(new Uint8Array(readFileSync(TRANSPORT_DOCX_PATH)))
    if (!result.ok) expect.fail(result.error.message)
    const { document, warnings } = result
    expect(document.year).toBe(2022)
    expect(document.department).toEqual({ code: '410526', name: '滑县交通运输局' })
    expect(document.projects.map((p) => [p.code, p.name, p.budget.total, p.plan, p.indicators.length])).toEqual([
      ['410526-22-JT-001', '农村公路养护资金', 260_000_000, { 3: 20, 6: 45, 10: 80, 12: 100 }, 6],
      ['410526-22-JT-002', '城乡客运补贴', 85_500_000, { 3: null, 6: null, 10: null, 12: 100 }, 3],
    ])
    // 一级/二级 merged down carry over to the rows below.
    expect(document.projects[0]?.indicators.map((i) => `${i.level1}/${i.level2}/${i.name}`).slice(0, 3)).toEqual([
      '产出指标/数量指标/养护农村公路里程',
      '产出指标/数量指标/危桥改造座数',
      '产出指标/质量指标/养护路段优良率',
    ])
    expect(document.projects[0]?.goals).toEqual(['完成农村公路日常养护320公里', '改造危桥6座，消除安全隐患'])
    expect(document.projects[0]?.indicators[5]?.target).toMatchObject({ raw: '≥9090%以上', value: 90, unit: '%' })
    expect(warnings.map((w) => `${w.project}·${w.field}`)).toEqual([
      '农村公路养护资金·指标值',
      '农村公路养护资金·指标值',
      '城乡客运补贴·资金支出计划',
    ])
    expect(warnings[0]?.message).toContain('第 14 行')
  })

  it('reads a .docx exactly as the same table as text (tab rows from Excel)', async () => {
    const text = readFixture('tab-excel-2022-health.tsv')
    const blocks: DocxBlock[] = []
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue
      if (!line.includes('\t')) {
        blocks.push({ paragraph: line })
        continue
      }
      const last = blocks[blocks.length - 1]
      const cells = line.split('\t').map((cell) => ({ text: cell.replace(/^"|"$/g, '').split('\\n') }))
      if (last && 'table' in last) blocks[blocks.length - 1] = { table: [...last.table, cells] }
      else blocks.push({ table: [cells] })
    }
    const fromText = parseDocument(text)
    const fromDocx = await parseDocx(await buildDocx(blocks))
    if (!fromText.ok || !fromDocx.ok) expect.fail('both parse')
    const textJson = toParseJson(fromText.document, [])
    const docxJson = toParseJson(fromDocx.document, [])
    // The quoted multi-line goals cell is one line in this simple conversion; compare the rest.
    expect({ ...docxJson, projects: docxJson.projects.map((p) => ({ ...p, goals: [] })) }).toEqual({
      ...textJson,
      projects: textJson.projects.map((p) => ({ ...p, goals: [] })),
    })
    expect(fromDocx.warnings.map((w) => w.field)).toEqual(fromText.warnings.map((w) => w.field))
  })

  it('says what to do when the file is not a .docx', async () => {
    const result = await parseDocx(new TextEncoder().encode('PK not really a zip'))
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.message).toMatch(/无法打开这个 Word 文件/)
      expect(result.error.expected).toMatch(/另存为 \.docx/)
    }
  })

  it('a .docx without any 绩效目标表 is an error that names the last row', async () => {
    const result = await parseDocx(await buildDocx([{ paragraph: '2022年度部门预算绩效信息' }, { table: [['a', 'b']] }]))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toMatchObject({ line: 2, message: expect.stringMatching(/未找到任何项目/) })
  })

  it('the committed fixture is what the generator builds', async () => {
    const built = await parseDocx(await buildDocx(TRANSPORT_DOCX))
    const committed = await parseDocx(new Uint8Array(readFileSync(TRANSPORT_DOCX_PATH)))
    expect(built).toEqual(committed)
  })
})
