import type { SourceRow } from '../rows'
import { findLabeled, LABEL, labelOf } from './labels'
import type { Warn } from './outcome'

const GOAL_NUMBERING = /^\s*(?:目标\s*\d{1,2}\s*[:：]|\d{1,2}(?:[、)）]|[.．](?!\d))|[(（]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}[、.．]|[①-⑳])\s*/

/** Splits a 绩效目标 cell into lines: one per line break, or per `；2、` inside a line. */
function splitGoals(text: string): string[] {
  return text
    .split(/\n|[；;]\s*(?=(?:目标\s*\d{1,2}\s*[:：]|\d{1,2}(?:[、)）]|[.．](?!\d))|[(（]\d{1,2}[)）]|[①-⑳]))/)
    .map((line) => line.replace(GOAL_NUMBERING, '').trim())
    .filter((line) => line !== '')
}

/** Reads the 绩效目标 lines of rows [from, to), their numbering stripped; [] with a warning when absent. */
export function readGoals(rows: readonly SourceRow[], from: number, to: number, name: string, warn: Warn): string[] {
  const found = findLabeled(rows, from, to, LABEL.goals)
  if (!found) {
    warn('绩效目标', `项目「${name}」没有绩效目标`)
    return []
  }
  const row = rows[found.rowIndex]
  // A goals cell may have been split over several cells of its row.
  const labelCol = row?.cells.findIndex((cell) => LABEL.goals.test(labelOf(cell))) ?? -1
  // 中期目标 | 年度目标 (or 长期目标 | 年度目标) headings: the year's goals are below 年度目标.
  const annualCol = row?.cells.findIndex((cell, j) => j > labelCol && /^年度(绩效)?目标/.test(labelOf(cell))) ?? -1
  const hasMultiYear = row?.cells.some((cell) => /^(中期|长期)(绩效)?目标/.test(labelOf(cell))) ?? false
  const below = rows[found.rowIndex + 1]
  const text =
    annualCol !== -1 && hasMultiYear && below && found.rowIndex + 1 < to
      ? (below.cells[annualCol] ?? '')
      : labelCol === -1
        ? found.value
        : (row?.cells.slice(labelCol + 1).filter((c) => c !== '').join('\n') ?? '')
  const goals = splitGoals(text)
  if (goals.length === 0) warn('绩效目标', `项目「${name}」的绩效目标为空`)
  return goals
}
