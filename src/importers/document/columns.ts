import { normalizeLabel, stripParenthetical } from '../normalize'
import type { SourceRow } from '../rows'

/** The indicator table's columns; any beyond 一级…依据 only help to read 指标值. */
export type Column =
  | 'level1' | 'level2' | 'name' | 'description' | 'value' | 'basis'
  | 'nature' | 'direction' | 'weight' | 'unit' | 'operator'

const COLUMNS: ReadonlyArray<readonly [Column, RegExp]> = [
  ['basis', /^(指标值确定依据|指标值设定依据|目标值确定依据|确定依据|设定依据|指标依据|依据)$/],
  ['level1', /^一级指标(名称)?$/],
  ['level2', /^二级指标(名称)?$/],
  ['name', /^(三级指标(名称)?|指标名称|绩效指标名称)$/],
  ['description', /^(绩效指标描述|指标描述|指标解释|指标内容|指标说明|绩效标准)$/],
  ['value', /^(指标值|目标值|指标值及单位|目标值及单位|年度指标值|年度目标值|当年预期实现值|预期实现值|预期目标值|绩效指标值|指标目标值|全年指标值)$/],
  ['operator', /^(运算符|运算符号|比较符号?|计算符号|符号)$/],
  ['nature', /^(指标性质|指标类型)$/],
  ['direction', /^指标方向$/],
  ['weight', /^(分值|权重|指标分值|指标权重|分值\(权重\)|权重\(分\)|权重\(%\))$/],
  ['unit', /^(度量单位|计量单位|指标单位|单位)$/],
]

/** Index of each column found in the header row; `twoLevel` set for a table without 三级指标. */
export type ColumnMap = Partial<Record<Column | 'twoLevel', number>>

/** The column a header cell names, or null. */
export function columnOf(cell: string): Column | null {
  const full = normalizeLabel(cell)
  const bare = stripParenthetical(full)
  return COLUMNS.find(([, re]) => re.test(full) || re.test(bare))?.[0] ?? null
}

/**
 * The columns of an indicator table header row (it names at least 三级指标 and 指标值), else
 * null. A two-level table (一级指标 | 二级指标 | 绩效标准 | 当年预期实现值, 鄂州-style) holds
 * the 二级 group in its 一级 column and the indicator's name in its 二级 column.
 */
export function headerColumns(row: SourceRow): ColumnMap | null {
  if (row.kind !== 'cells') return null
  const map: ColumnMap = {}
  row.cells.forEach((cell, index) => {
    const column = columnOf(cell)
    if (column && map[column] === undefined) map[column] = index
  })
  // Without 三级指标, a 指标内容 column (申报表) names the indicator.
  const content = row.cells.findIndex((cell) => normalizeLabel(cell) === '指标内容')
  if (map.name === undefined && content !== -1) {
    const { description, ...rest } = map
    const named = { ...rest, name: content, ...(description !== undefined && description !== content ? { description } : {}) }
    if (named.value !== undefined) return named
  }
  if (map.name === undefined && map.level1 !== undefined && map.level2 !== undefined && map.value !== undefined) {
    const { level1, level2, ...rest } = map
    return { ...rest, level2: level1, name: level2, twoLevel: 1 }
  }
  return map.name !== undefined && map.value !== undefined ? map : null
}
