import { declaredUnits } from './document/budget'
import { readDepartment, readYear } from './document/department'
import { checkDuplicateCodes } from './document/duplicates'
import { failedResult, failure } from './document/outcome'
import { readProject } from './document/project'
import { segmentProjects } from './document/segment'
import { blankTemplate, refusal } from './document/refusal'
import type { DocumentParseError, DocumentParseResult, ImportWarning, IncompleteProject } from './document/types'
import { demoteTitleRows, readRows, type SourceRow } from './rows'

export type {
  DocumentParseError,
  DocumentParseResult,
  ImportWarning,
  IncompleteProject,
  ParsedDocument,
  ParsedIndicator,
  ParsedProject,
} from './document/types'

/**
 * Reads a department's 部门预算绩效信息 (one 绩效目标表 per project) from its flattened text:
 * the seed's cell lines, `|` rows or tab rows (see rows.ts). Fields are found by their
 * labels (项目编码, 预算数, 资金支出计划, 三级指标 …), never by position, so extra columns,
 * merged cells and reordered rows read the same. Every guess becomes an ImportWarning.
 * A project that cannot be read whole is never imported: it is listed in `incomplete`
 * with what it lacks and where, while the complete projects stay importable; with no
 * complete project the result is ok:false. Every blocking error is listed (with its
 * project, cell and line), so that one round of corrections is enough. A 项目编码 used by
 * two different tables is such an error (see document/duplicates.ts); a form without
 * 项目编码 gets a stable generated one (document/codes.ts).
 *
 * The blocks of one project are read in document/: segment (where each project starts),
 * project (one 绩效目标表), budget, plan, goals, indicators (with columns), department (and
 * year); labels finds fields by their labels for all of them.
 */

/** Parses a flattened 部门预算绩效信息 (seed cell lines, `|` rows or tab rows) into projects and indicators, money in 分; never throws. */
export function parseDocument(text: string): DocumentParseResult {
  return parseGuarded((warnings) => parseChecked(text, warnings))
}

/**
 * Parses rows already split into cells (a .docx's tables, see docx.ts) exactly as
 * parseDocument parses text; lines are the rows' own numbers. Never throws.
 */
export function parseDocumentRows(rows: readonly SourceRow[]): DocumentParseResult {
  return parseGuarded((warnings) => parseRowsChecked(rows, warnings))
}

/** Errors in document order; those without a line last. */
function byLine(a: DocumentParseError, b: DocumentParseError): number {
  return (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER)
}

function parseGuarded(parse: (warnings: ImportWarning[]) => DocumentParseResult): DocumentParseResult {
  const warnings: ImportWarning[] = []
  try {
    return parse(warnings)
  } catch (cause) {
    // A bug must not crash an import dialog; it becomes an error the user can report.
    const detail = cause instanceof Error ? cause.message : String(cause)
    return failedResult(failure(`导入程序内部错误：${detail}`, `internal importer error: ${detail}`, null, ''), warnings)
  }
}

/** Line of the first control or replacement character when the text is not a text document. */
function findBinaryLine(text: string): number | null {
  let count = 0
  let first = -1
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const isBad = (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0xfffd
    if (!isBad) continue
    if (first === -1) first = i
    count++
  }
  if (first === -1) return null
  // A stray replacement character or two is a damaged text, not a binary file.
  const isBinary = text.includes('\u0000') || count >= 20 || count / text.length > 0.01
  return isBinary ? text.slice(0, first).split('\n').length : null
}

function parseChecked(text: string, warnings: ImportWarning[]): DocumentParseResult {
  if (text.trim() === '') {
    return failedResult(failure('文件为空，没有可读的内容', 'the file is empty', null, '部门预算绩效信息的文本（含绩效目标表）'), warnings)
  }
  const binaryLine = findBinaryLine(text)
  if (binaryLine !== null) {
    return failedResult(failure('文件不是文本（含乱码或二进制内容），请另存为 UTF-8 文本后导入', 'the file is not UTF-8 text', binaryLine, 'UTF-8 编码的文本文件'), warnings)
  }

  return parseRowsChecked(readRows(text), warnings)
}

function parseRowsChecked(sourceRows: readonly SourceRow[], warnings: ImportWarning[]): DocumentParseResult {
  const rows = demoteTitleRows(sourceRows)
  const segments = segmentProjects(rows)
  if (segments.length === 0) return failedResult(refusal(rows), warnings)

  const unitAt = declaredUnits(rows)
  const reads = segments.map((segment) => readProject({ rows, segment, unitAt }))
  const checked = checkDuplicateCodes(reads)
  for (const read of checked.reads) warnings.push(...read.warnings)
  warnings.push(...checked.warnings)
  const complete = checked.reads.filter((read) => read.project !== null && read.errors.length === 0)
  const incomplete: IncompleteProject[] = checked.reads
    .filter((read) => !complete.includes(read))
    .map((read) => ({
      name: read.name,
      line: read.line,
      missing: [...new Set(read.errors.map((error) => error.field ?? '绩效目标表'))],
      errors: [...read.errors].sort(byLine),
    }))
  const errors = incomplete.flatMap((project) => project.errors).sort(byLine)
  const [firstError] = errors
  // Nothing complete: nothing to import, and every error is reported. Else the complete
  // projects are importable and the incomplete ones are listed with what they lack.
  if (complete.length === 0 || !firstError) {
    if (checked.reads.every((read) => read.isBlank)) return failedResult(blankTemplate(rows))
    if (firstError) return { ok: false, error: firstError, errors, warnings, incomplete }
  }

  const projects = complete.flatMap((read) => (read.project ? [read.project] : []))
  const moneyUnit = projects[0]?.moneyUnit ?? 'wan'
  if (projects.some((p) => p.moneyUnit !== moneyUnit)) {
    warnings.push({ project: null, field: '单位', message: '各项目的金额单位不一致（万元 / 元），已分别换算' })
  }

  const year = readYear(rows)
  if (year === null) warnings.push({ project: null, field: '年度', message: '文档中未找到年度（如“2020年部门预算绩效信息”），请导入时选择年度' })
  // One flag per row, so that finding the department stays linear for thousands of tables.
  const inTable = new Uint8Array(rows.length)
  reads.forEach((read, k) => inTable.fill(1, segments[k]?.start ?? 0, read.end))
  const isInTable = (index: number): boolean => inTable[index] === 1
  const department = readDepartment(rows, isInTable, warnings)

  return { ok: true, document: { year, department, moneyUnit, projects }, warnings, incomplete }
}
