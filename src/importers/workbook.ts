import { parseDocumentRows, type DocumentParseError, type DocumentParseResult, type ImportWarning, type IncompleteProject, type ParsedProject } from './document'
import { failedResult } from './document/outcome'
import { readXlsxSheets, type SheetRows } from './xlsx'

/**
 * A workbook read sheet by sheet with the one document model: one sheet per project, or
 * many projects on one sheet, or both. Each sheet is parsed on its own (its lines are its
 * row numbers), then the projects are put together; year and department come from the
 * first sheet that states them. A sheet without any project table (a cover, 填表说明) is
 * listed with the reason and is not an error unless no sheet has a project.
 */

export interface SheetSummary {
  readonly name: string
  /** Complete (importable) projects on the sheet. */
  readonly projects: number
  readonly incomplete: number
  /** Why nothing was read from the sheet, when nothing was. */
  readonly note: string | null
}

export interface WorkbookRead {
  readonly result: DocumentParseResult
  readonly sheets: readonly SheetSummary[]
}

const DOCUMENT_FIELDS = new Set(['年度', '单位'])

function contentOf(project: ParsedProject): string {
  return JSON.stringify({ ...project, line: 0 })
}

/** Puts the parses of a workbook's sheets together. */
export function combineSheets(sheets: readonly SheetRows[]): WorkbookRead {
  const parsed = sheets.map((sheet) => ({ sheet, result: parseDocumentRows(sheet.rows) }))
  const isMany = sheets.filter((s) => s.rows.length > 0).length > 1
  const where = (name: string): string => (isMany ? `工作表「${name}」` : '')
  const projects: ParsedProject[] = []
  const firstSheet = new Map<string, { name: string; project: ParsedProject }>()
  const incomplete: IncompleteProject[] = []
  const warnings: ImportWarning[] = []
  const summaries: SheetSummary[] = []
  let year: number | null = null
  let department = { code: '', name: '' }

  for (const { sheet, result } of parsed) {
    const located = (error: DocumentParseError): DocumentParseError => ({ ...error, message: `${where(sheet.name)}${error.message}` })
    for (const warning of result.warnings) {
      if (warning.project === null && DOCUMENT_FIELDS.has(warning.field)) continue
      warnings.push({ ...warning, message: `${where(sheet.name)}${warning.message}` })
    }
    const sheetIncomplete = result.incomplete.map((project) => ({ ...project, sheet: sheet.name, errors: project.errors.map(located) }))
    incomplete.push(...sheetIncomplete)
    if (!result.ok) {
      summaries.push({ name: sheet.name, projects: 0, incomplete: sheetIncomplete.length, note: sheetIncomplete.length === 0 ? result.error.message : null })
      continue
    }
    const { document } = result
    year ??= document.year
    if (department.code === '' && department.name === '') department = document.department
    let count = 0
    for (const project of document.projects) {
      const earlier = firstSheet.get(project.code)
      if (!earlier) {
        firstSheet.set(project.code, { name: sheet.name, project })
        projects.push(project)
        count++
      } else if (contentOf(earlier.project) === contentOf(project)) {
        warnings.push({ project: project.name, field: '项目编码', message: `项目「${project.name}」在工作表「${earlier.name}」和「${sheet.name}」中出现两次，内容完全相同，按一个项目导入` })
      } else {
        const error: DocumentParseError = {
          message: `${where(sheet.name)}第 ${project.line} 行：项目编码 ${project.code} 与工作表「${earlier.name}」的「${earlier.project.name}」重复；导入后一个会覆盖另一个 / duplicate project code ${project.code}`,
          line: project.line,
          expected: '每个项目的项目编码唯一；同一项目只保留一张绩效目标表',
          project: project.name,
          field: '项目编码',
        }
        incomplete.push({ name: project.name, line: project.line, missing: ['项目编码'], errors: [error], sheet: sheet.name })
      }
    }
    summaries.push({ name: sheet.name, projects: count, incomplete: sheetIncomplete.length, note: null })
  }

  if (projects.length === 0) {
    const errors = incomplete.flatMap((project) => project.errors)
    const [first] = errors
    if (first) return { result: { ok: false, error: first, errors, warnings, incomplete }, sheets: summaries }
    const reasons = parsed.flatMap(({ sheet, result }) => (result.ok ? [] : [`工作表「${sheet.name}」：${result.error.message}`]))
    const failed = failedResult(
      { message: reasons.length > 0 ? reasons.join('；') : '工作簿中没有工作表', line: null, expected: '每个项目一张绩效目标表（含项目名称、预算和三级指标），放在一个或多个工作表中' },
      warnings,
    )
    return { result: failed, sheets: summaries }
  }
  if (year === null) warnings.push({ project: null, field: '年度', message: '工作簿中未找到年度（如“2021年度”），请导入时选择年度' })
  if (department.code === '') {
    warnings.push({ project: null, field: '单位', message: '工作簿中未找到单位编码，确认导入前请在预览中填写单位编码和名称' })
  }
  const moneyUnit = projects[0]?.moneyUnit ?? 'wan'
  return { result: { ok: true, document: { year, department, moneyUnit, projects }, warnings, incomplete }, sheets: summaries }
}

/** Reads an .xlsx workbook into projects like parseDocument; never throws. */
export async function parseXlsx(bytes: Uint8Array): Promise<WorkbookRead> {
  let sheets: SheetRows[]
  try {
    sheets = await readXlsxSheets(bytes)
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause)
    return {
      result: failedResult({
        message: `无法打开这个 Excel 文件（${detail}）：文件可能已损坏，或不是 .xlsx 格式 / cannot open the .xlsx`,
        line: null,
        expected: '用 Excel 或 WPS 另存为 .xlsx 后重新导入，或复制表格粘贴到文本框',
      }),
      sheets: [],
    }
  }
  return combineSheets(sheets)
}
