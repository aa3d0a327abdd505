import { describe, expect, it } from 'vitest'
import { readRows } from '../../src/importers/rows'

const shape = (text: string): Array<[string, readonly string[], number]> =>
  readRows(text).map((row) => [row.kind, row.cells, row.line])

describe('readRows', () => {
  it('reads the seed layout: tab cells, blank-line rows, wrapped cells, lone tabs as empty cells', () => {
    const text = '标题\n\t项目编码\n\t315-01\n\n\t绩效目标\n\t1、甲\n2、乙\n\n\t\n\t20.00\n \n[bookmark: _Toc1]2、表\n'
    expect(shape(text)).toEqual([
      ['text', ['标题'], 1],
      ['cells', ['项目编码', '315-01'], 2],
      ['cells', ['绩效目标', '1、甲\n2、乙'], 5],
      ['cells', ['', '20.00'], 9],
      ['text', ['[bookmark: _Toc1]2、表'], 12],
    ])
    expect(readRows(text)[2]?.cellLines).toEqual([5, 6])
  })

  it('never continues a cell with a bookmark heading', () => {
    expect(shape('\t甲\n[bookmark: _Toc2]标题')).toEqual([
      ['cells', ['甲'], 1],
      ['text', ['[bookmark: _Toc2]标题'], 2],
    ])
  })

  it('reads markdown rows, skipping separators, keeping empty cells and <br>', () => {
    expect(shape('| a | | c |\n|---|:---:|---|\n| | 1<br>2 | x\\|y |')).toEqual([
      ['cells', ['a', '', 'c'], 1],
      ['cells', ['', '1\n2', 'x|y'], 3],
    ])
  })

  it('reads bare pipe rows, where a leading pipe is an empty first cell', () => {
    expect(shape('a | b | c\n | b2 | c2\nd | e | ')).toEqual([
      ['cells', ['a', 'b', 'c'], 1],
      ['cells', ['', 'b2', 'c2'], 2],
      ['cells', ['d', 'e', ''], 3],
    ])
  })

  it('reads tab rows with quoted multi-line cells', () => {
    const text = '标题\na\tb\tc\n\tb2\t"第一行\n第二行 ""引号"""\nd\te\tf\n'
    expect(shape(text)).toEqual([
      ['text', ['标题'], 1],
      ['cells', ['a', 'b', 'c'], 2],
      ['cells', ['', 'b2', '第一行\n第二行 "引号"'], 3],
      ['cells', ['d', 'e', 'f'], 5],
    ])
  })

  it('accepts CRLF and a BOM', () => {
    expect(shape('\uFEFF标题\r\n\t甲\r\n\t乙\r\n')).toEqual([
      ['text', ['标题'], 1],
      ['cells', ['甲', '乙'], 2],
    ])
  })
})
