import type { Department } from '../../domain/types'
import { toHalfWidth, toMatchable } from '../normalize'
import type { SourceRow } from '../rows'
import { LABEL, labelOf } from './labels'
import type { ImportWarning } from './types'

/** Whose document and which year: read from anywhere in it, labeled or not. */

/**
 * The budget year of the first `2020年…预算` / `…绩效` mention; else of a bare `(2021年)` /
 * `（2021年度）` line or cell, or a `2023年度` anywhere; else null.
 */
export function readYear(rows: readonly SourceRow[]): number | null {
  const patterns = [
    /((?:19|20)\d{2})\s*年度?[^\n。，]{0,20}?(预算|绩效)/,
    /^[(（\[【]?\s*((?:19|20)\d{2})\s*年度?\s*[)）\]】]?$/,
    /((?:19|20)\d{2})\s*年度/,
    /[(（]\s*((?:19|20)\d{2})\s*年\s*[)）]/,
  ]
  for (const pattern of patterns) {
    for (const row of rows) {
      for (const cell of row.cells) {
        const match = pattern.exec(toMatchable(cell).trim())
        if (match) return Number(match[1])
      }
    }
  }
  return null
}

const DEPARTMENT_VALUE = /^[[【(（]?(\d{2,20})[\]】)）]?[\s\-_:：]*([\u4e00-\u9fa5][^\n]*)$/
/** An unlabeled `315002秦皇岛市北戴河区司法局` cell: a long code glued to an organization name. */
const DEPARTMENT_CELL = /^[[【]?(\d{5,20})[\]】]?[\s\-_]*([\u4e00-\u9fa5][\u4e00-\u9fa5()（）]{1,39})$/
/** A money-unit note at the end of a value: `… 单位：万元`, `…（金额单位：元）`. */
const MONEY_NOTE_TAIL = /[\s(（]*(?:金额)?单位[:：]\s*(?:人民币)?(?:万元|元)[)）]?\s*$/

/**
 * The `label：value` pairs of one cell or text line. A heading line often carries several
 * (`预算单位：330106 杭州市西湖区民政局    单位：万元`): a new pair starts after a space, at a
 * short label followed by a colon.
 */
function labeledPairs(cell: string): Array<{ label: string; value: string }> {
  return toHalfWidth(cell)
    .trim()
    .split(/\s+(?=[^\s:]{1,12}:)/)
    .flatMap((part) => {
      const match = /^([^:]{1,12}):(.*)$/s.exec(part)
      return match ? [{ label: labelOf(match[1] ?? ''), value: (match[2] ?? '').trim() }] : []
    })
}

/** A department field's value without a money-unit note glued to it; '' when it is only that note. */
function departmentValue(value: string): string {
  const text = value.replace(MONEY_NOTE_TAIL, '').trim()
  return /^(人民币)?(万元|元)$/.test(text) ? '' : text
}

/** The first labeled department name (单位名称, 预算单位 …) and code (单位编码 …), in cells or text lines. */
function findLabeledDepartment(rows: readonly SourceRow[]): { name: string | null; code: string | null } {
  let name: string | null = null
  let code: string | null = null
  const take = (label: string, rawValue: string | undefined): void => {
    const value = departmentValue(rawValue ?? '')
    if (value === '') return
    if (name === null && LABEL.departmentName.test(label)) name = value
    else if (code === null && LABEL.departmentCode.test(label)) code = value
    // A bare 单位 label names the department only with its code (`单位：330106 民政局`).
    else if (name === null && label === '单位' && DEPARTMENT_VALUE.test(value)) name = value
  }
  for (const row of rows) {
    row.cells.forEach((cell, index) => {
      // A table's label cell is followed by its value cell.
      if (row.kind === 'cells') take(labelOf(cell), row.cells[index + 1])
      for (const pair of labeledPairs(cell)) take(pair.label, pair.value)
    })
    if (name !== null && code !== null) break
  }
  return { name, code }
}

/** The department (unit code and name): the labeled cells first, else an unlabeled cell outside the tables. */
export function readDepartment(
  rows: readonly SourceRow[],
  isInTable: (index: number) => boolean,
  warnings: ImportWarning[],
): Department {
  const candidates: Department[] = []
  const labeled = findLabeledDepartment(rows)
  if (labeled.name !== null) {
    const match = DEPARTMENT_VALUE.exec(labeled.name)
    candidates.push(
      match
        ? { code: match[1] ?? '', name: (match[2] ?? '').trim() }
        : { code: labeled.code ?? '', name: labeled.name },
    )
  }
  rows.forEach((row, index) => {
    if (row.kind !== 'cells' || isInTable(index)) return
    for (const cell of row.cells) {
      const match = DEPARTMENT_CELL.exec(cell.trim())
      if (match) candidates.push({ code: match[1] ?? '', name: match[2] ?? '' })
    }
  })
  const [department] = candidates
  if (!department) {
    warnings.push({ project: null, field: '单位', message: '文档中未找到单位编码与名称（如“315002秦皇岛市北戴河区司法局”），确认导入前请在预览中填写单位编码和名称' })
    return { code: labeled.code ?? '', name: '' }
  }
  if (department.code === '') {
    warnings.push({ project: null, field: '单位', message: `单位「${department.name}」没有单位编码，确认导入前请在预览中填写` })
  }
  const others = candidates.filter((c) => c.code !== department.code || c.name !== department.name)
  if (others.length > 0) {
    const list = [...new Set(others.map((c) => `${c.code}${c.name}`))].join('、')
    warnings.push({ project: null, field: '单位', message: `文档中出现多个单位：按「${department.code}${department.name}」导入，另有 ${list}` })
  }
  return department
}
