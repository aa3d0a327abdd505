import { parseTarget } from '../parseTarget'
import type { ColumnMap } from './columns'
import { labelOf } from './labels'

/**
 * Placing an indicator row's cells by what they are when a merged cell is missing, never
 * by shifting silently: the 一级 / 二级 vocabularies and the shape of a 指标值 tell which
 * column a cell belongs to. A row that cannot be placed is reported, not guessed.
 */

const LEVEL1_WORDS = /^(产出|效益|效果|满意度|成本|投入|过程|社会效益|经济效益)指标/
const LEVEL2_WORDS =
  /^(数量|质量|时效|成本|经济成本|社会成本|生态环境成本|经济效益|社会效益|生态效益|环境效益|可持续影响|服务对象满意度|社会公众满意度|社会公众或服务对象满意度|满意度|群众满意度)指标/
/** Group names that are only ever 一级 (成本指标 and 满意度指标 can be either). */
const LEVEL1_ONLY = /^(产出|效益|效果|投入|过程)指标/

/** The 一级 group a 二级 name belongs to (数量指标 → 产出指标), '' when unknown. */
export function inferredLevel1(level2: string): string {
  const label = labelOf(level2)
  if (/^(数量|质量|时效|成本)指标/.test(label)) return '产出指标'
  if (/^(经济|社会|生态|环境)效益指标|^可持续影响指标/.test(label)) return '效益指标'
  if (/满意度指标/.test(label)) return '满意度指标'
  return ''
}

function isLevel1(cell: string): boolean {
  return LEVEL1_WORDS.test(labelOf(cell))
}

function isLevel2Only(cell: string): boolean {
  const label = labelOf(cell)
  return LEVEL2_WORDS.test(label) && !LEVEL1_WORDS.test(label)
}

/** True when the cell reads as a target with a number (`≥98%`, `24`, `≤3个工作日`). */
function isTargetShaped(cell: string): boolean {
  return cell.trim() !== '' && parseTarget(cell).target.value !== null
}

export type Placement =
  | { readonly kind: 'kept' | 'moved'; readonly cells: readonly string[]; readonly offset: number; readonly reason: string }
  | { readonly kind: 'unplaceable'; readonly reason: string }

const EMPTY_NAME = '三级指标栏为空'

interface Candidate {
  readonly cells: readonly string[]
  readonly offset: number
}

/** Why the cells cannot stand in these columns, or null when they can. */
function misfit(cells: readonly string[], columns: ColumnMap): string | null {
  const at = (col: number | undefined): string => (col === undefined ? '' : (cells[col] ?? '').trim())
  const level1 = at(columns.level1)
  const level2 = at(columns.level2)
  const name = at(columns.name)
  if (level1 !== '' && isLevel2Only(level1)) return `一级指标栏是二级指标「${level1}」`
  if (level1 !== '' && isTargetShaped(level1)) return `一级指标栏是指标值「${level1}」`
  if (level2 !== '' && LEVEL1_ONLY.test(labelOf(level2))) return `二级指标栏是一级指标「${level2}」`
  if (name !== '' && (isLevel1(name) || isLevel2Only(name))) return `三级指标栏是「${name}」`
  if (name !== '' && isTargetShaped(name) && !/[\u4e00-\u9fa5]{3}/.test(name)) return `三级指标栏是指标值「${name}」`
  if (name === '') return EMPTY_NAME
  return null
}

/** The row with `k` leading cells missing; null when it would drop a non-empty cell. */
function shifted(cells: readonly string[], k: number, width: number): Candidate | null {
  const moved = [...Array.from({ length: k }, () => ''), ...cells]
  if (moved.slice(width).some((cell) => cell.trim() !== '')) return null
  const fitted = moved.slice(0, width)
  while (fitted.length < width) fitted.push('')
  return { cells: fitted, offset: k }
}

/**
 * Places a row: the layout the header implies (`legacy`, from alignRow) when its cells fit
 * their columns, else the first shift by 1 or 2 missing leading cells that fits. 'end'
 * when the row is not an indicator row at all (alignRow found none and nothing fits).
 */
export function placeByContent(
  cells: readonly string[],
  legacy: Candidate | null,
  columns: ColumnMap,
  width: number,
  leadingLevels: number,
): Placement | 'end' {
  const legacyMisfit = legacy ? misfit(legacy.cells, columns) : null
  if (legacy && legacyMisfit === null) return { kind: 'kept', ...legacy, reason: '' }
  for (let k = 0; k <= Math.max(leadingLevels, 0); k++) {
    const candidate = shifted(cells, k, width)
    if (!candidate || (legacy && legacy.offset === k && sameCells(legacy.cells, candidate.cells))) continue
    if (misfit(candidate.cells, columns) === null) {
      // Missing trailing blanks (k = 0) are no guess; missing merged cells are reported.
      if (k === 0) return { kind: 'kept', ...candidate, reason: '' }
      const what = k === 1 ? '缺少合并的一级指标单元格' : '缺少合并的一级、二级指标单元格'
      return { kind: 'moved', ...candidate, reason: what }
    }
  }
  if (!legacy) return 'end'
  // A row without a 三级指标 stays where it is: that is reported as a missing name.
  if (legacyMisfit === EMPTY_NAME) return { kind: 'kept', ...legacy, reason: '' }
  return { kind: 'unplaceable', reason: legacyMisfit ?? '' }
}

function sameCells(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((cell, i) => cell === b[i])
}
