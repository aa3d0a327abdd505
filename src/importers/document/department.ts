import type { Department } from '../../domain/types'
import { toHalfWidth } from '../normalize'
import type { SourceRow } from '../rows'
import { findLabeled, LABEL, moneyUnitOf } from './labels'
import type { ImportWarning } from './types'

/** Whose document and which year: read from anywhere in it, labeled or not. */

/** The budget year of the first `2020年…预算` / `…绩效` mention, or null. */
export function readYear(rows: readonly SourceRow[]): number | null {
  for (const row of rows) {
    for (const cell of row.cells) {
      const match = /((?:19|20)\d{2})\s*年度?[^\n。，]{0,20}?(预算|绩效)/.exec(toHalfWidth(cell))
      if (match) return Number(match[1])
    }
  }
  return null
}

const DEPARTMENT_VALUE = /^[[【(（]?(\d{2,20})[\]】)）]?[\s\-_:：]*([\u4e00-\u9fa5][^\n]*)$/
/** An unlabeled `315002秦皇岛市北戴河区司法局` cell: a long code glued to an organization name. */
const DEPARTMENT_CELL = /^[[【]?(\d{5,20})[\]】]?[\s\-_]*([\u4e00-\u9fa5][\u4e00-\u9fa5()（）]{1,39})$/

/** The department (unit code and name): the labeled cell first, else an unlabeled cell outside the tables. */
export function readDepartment(
  rows: readonly SourceRow[],
  isInTable: (index: number) => boolean,
  warnings: ImportWarning[],
): Department {
  const candidates: Department[] = []
  const codeCell = findLabeled(rows, 0, rows.length, LABEL.departmentCode, true)
  const nameCell = findLabeled(rows, 0, rows.length, LABEL.departmentName, true)
  if (nameCell && nameCell.value !== '' && moneyUnitOf(`单位:${nameCell.value}`) === null) {
    const match = DEPARTMENT_VALUE.exec(nameCell.value)
    candidates.push(
      match
        ? { code: match[1] ?? '', name: (match[2] ?? '').trim() }
        : { code: codeCell?.value ?? '', name: nameCell.value },
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
    warnings.push({ project: null, field: '单位', message: '文档中未找到单位编码与名称（如“315002秦皇岛市北戴河区司法局”），请导入后补填' })
    return { code: '', name: '' }
  }
  if (department.code === '') {
    warnings.push({ project: null, field: '单位', message: `单位「${department.name}」没有单位编码，请导入后补填` })
  }
  const others = candidates.filter((c) => c.code !== department.code || c.name !== department.name)
  if (others.length > 0) {
    const list = [...new Set(others.map((c) => `${c.code}${c.name}`))].join('、')
    warnings.push({ project: null, field: '单位', message: `文档中出现多个单位：按「${department.code}${department.name}」导入，另有 ${list}` })
  }
  return department
}
