import { normalizeLabel } from '../normalize'
import type { SourceRow } from '../rows'
import { headerColumns } from './columns'
import { failure } from './outcome'
import type { DocumentParseError } from './types'

/**
 * Why a document has no project table to read, told as it is: a department-wide form, a
 * blank template, run-on text whose cells lost their boundaries, or prose. Each names what
 * to import instead.
 */

const DEPARTMENT_WIDE = /(部门|单位)(\(单位\)|\(部门\))?整体(支出|绩效)|整体支出绩效/
/** Labels of a project form; two of them inside one line of text mean the cells ran together. */
const FORM_WORDS = /项目名称|项目编码|主管部门|实施单位|资金总额|预算数|一级指标|二级指标|三级指标|指标值/g

export function refusal(rows: readonly SourceRow[]): DocumentParseError {
  const lastLine = rows[rows.length - 1]?.endLine ?? null
  const texts = rows.flatMap((row) => row.cells.map((cell) => ({ text: normalizeLabel(cell), line: row.line })))
  const wide = texts.find(({ text }) => DEPARTMENT_WIDE.test(text))
  if (wide) {
    return failure(
      '这是部门（单位）整体支出的绩效目标或评价表，不是按项目填写的绩效目标表，没有可导入的项目',
      'a department-wide form, not project tables',
      wide.line,
      '导入各项目的《项目支出绩效目标表》（每个项目一张，含项目名称、预算和三级指标）',
    )
  }
  const runOn = texts.find(({ text }) => (text.match(FORM_WORDS)?.length ?? 0) >= 2 && text.length > 20)
  if (runOn && !rows.some((row) => headerColumns(row) !== null)) {
    return failure(
      '表格已变成连续文字：项目名称、指标等单元格之间没有任何分隔，无法分辨哪个值属于哪一栏',
      'run-on text: the cells have no boundaries',
      runOn.line,
      '导入原始的 Word（.docx）或 Excel（.xlsx）文件，或在 Word / WPS / Excel 中选中表格复制后粘贴',
    )
  }
  return failure('未找到任何项目（没有“项目编码 / 项目名称”单元格）', 'no project found (no 项目编码 / 项目名称 cell)', lastLine, '每个项目一张绩效目标表，含“项目编码”“项目名称”')
}

export function blankTemplate(rows: readonly SourceRow[]): DocumentParseError {
  const first = rows.find((row) => row.kind === 'cells')
  return failure(
    '这是空白模板：项目名称、项目编码和预算都没有填写，没有可导入的项目',
    'a blank template: no project is filled in',
    first?.line ?? null,
    '填好各项目的项目名称、预算和指标后再导入',
  )
}
