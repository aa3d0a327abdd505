import type { Checkpoint, SpendPlan } from '../../domain/types'
import { parsePlainNumber } from '../normalize'
import type { SourceRow } from '../rows'
import { CHECKPOINT_CELL, findIndex, hasLabel, isLabel, isStructuralRow, LABEL, labelOf } from './labels'
import type { Warn } from './outcome'

/**
 * The 资金支出计划 block: cumulative % of 预算数 at 3/6/10/12月底, laid out as label–value
 * pairs on one row or as a checkpoint header with its values below.
 */

const EMPTY_PLAN: SpendPlan = { 3: null, 6: null, 10: null, 12: null }
const CHECKPOINT_NAMES: Readonly<Record<Checkpoint, string>> = { 3: '3月底', 6: '6月底', 10: '10月底', 12: '12月底' }

function isCheckpoint(month: number): month is Checkpoint {
  return month === 3 || month === 6 || month === 10 || month === 12
}

function checkpointsIn(row: SourceRow | undefined): Array<{ col: number; month: number }> {
  return row?.kind === 'cells'
    ? row.cells.flatMap((cell, col) => {
        const match = CHECKPOINT_CELL.exec(labelOf(cell))
        return match ? [{ col, month: Number(match[1]) }] : []
      })
    : []
}

/** Reads the spend plan (cumulative % of 预算数 per checkpoint, null when blank) from rows [from, to). */
export function readPlan(rows: readonly SourceRow[], from: number, to: number, name: string, warn: Warn): SpendPlan {
  const planIndex = findIndex(rows, from, to, (row) => hasLabel(row, LABEL.plan) || checkpointsIn(row).length >= 2)
  if (planIndex === -1) {
    warn('资金支出计划', `项目「${name}」没有资金支出计划，计划进度按序时进度（每月 1/12）计算`)
    return EMPTY_PLAN
  }
  let headerIndex = planIndex
  if (checkpointsIn(rows[planIndex]).length === 0) headerIndex = planIndex + 1
  const header = rows[headerIndex]
  const checkpoints = headerIndex < to ? checkpointsIn(header) : []
  if (!header || checkpoints.length === 0) {
    warn('资金支出计划', `项目「${name}」的资金支出计划（第 ${rows[planIndex]?.line ?? '?'} 行）没有 3/6/10/12月底 栏目，计划进度按序时进度计算`)
    return EMPTY_PLAN
  }

  // Either `3月底 | 20 | 6月底 | 50 …` on one row, or a header row with the values below.
  const isPairs = checkpoints.every(({ col }) => {
    const next = header.cells[col + 1]
    return next !== undefined && !CHECKPOINT_CELL.test(labelOf(next))
  })
  const below = rows[headerIndex + 1]
  const isValuesRow =
    below !== undefined && below.kind === 'cells' && headerIndex + 1 < to && !isStructuralRow(below) && checkpointsIn(below).length === 0
  const values = isPairs ? header : isValuesRow ? below : null
  // A values row with fewer cells lost its leading blank cells: align it on the right.
  const shift = values && !isPairs ? values.cells.length - header.cells.length : 0

  const plan: Record<Checkpoint, number | null> = { 3: null, 6: null, 10: null, 12: null }
  for (const { col, month } of checkpoints) {
    if (!isCheckpoint(month)) {
      warn('资金支出计划', `项目「${name}」的资金支出计划有 ${month}月底 一栏，不是 3/6/10/12月底，已忽略`)
      continue
    }
    const cell = values?.cells[isPairs ? col + 1 : col + shift] ?? ''
    if (cell.trim() === '' || isLabel(cell)) continue
    const value = parsePlainNumber(cell)
    if (value === null) {
      warn('资金支出计划', `项目「${name}」资金支出计划 ${CHECKPOINT_NAMES[month]}「${cell}」不是数字，按空白处理`)
      continue
    }
    if (value < 0 || value > 100) {
      warn('资金支出计划', `项目「${name}」资金支出计划 ${CHECKPOINT_NAMES[month]} 为 ${value}%，超出 0–100，请核对`)
    }
    plan[month] = value
  }
  checkPlan(plan, name, warn)
  return plan
}

/** Warns about blank checkpoints and a plan that is not cumulative. */
function checkPlan(plan: SpendPlan, name: string, warn: Warn): void {
  const blanks = ([3, 6, 10, 12] as const).filter((month) => plan[month] === null)
  if (blanks.length === 4) {
    warn('资金支出计划', `项目「${name}」的资金支出计划全部为空，计划进度按序时进度（每月 1/12）计算`)
  } else if (blanks.length > 0) {
    const names = blanks.map((month) => CHECKPOINT_NAMES[month]).join('、')
    const twelve = plan[12] === null ? '；12月底为空，按 100% 计' : ''
    warn('资金支出计划', `项目「${name}」资金支出计划的 ${names} 为空，计划进度在已填节点之间按月线性推算${twelve}`)
  }
  const filled = ([3, 6, 10, 12] as const).flatMap((month) => (plan[month] === null ? [] : [plan[month]]))
  if (filled.some((value, i) => i > 0 && value !== null && value < (filled[i - 1] ?? 0))) {
    warn('资金支出计划', `项目「${name}」的资金支出计划不是逐期累计递增，请核对（应为截至各月底的累计百分比）`)
  }
}
