import type { MoneyUnit } from '../../domain/money'
import { readBudget, readPurpose } from './budget'
import { headerColumns } from './columns'
import { readGoals } from './goals'
import { readIndicators } from './indicators'
import { findIndex, findLabeled, LABEL } from './labels'
import { failure, type Fail } from './outcome'
import { readPlan } from './plan'
import type { ProjectContext } from './segment'
import type { DocumentParseError, ImportWarning, ParsedProject } from './types'

/** One project's table as read: the project when every required cell is readable, else its errors. */
export interface ProjectRead {
  /** null when `errors` is not empty. */
  readonly project: ParsedProject | null
  readonly code: string
  /** 项目名称, or the code / the first line when the name is missing. */
  readonly name: string
  /** 1-based line where the table starts. */
  readonly line: number
  /** 1-based line of the 项目编码 cell. */
  readonly codeLine: number
  /** Index after the last row that belongs to the project's table. */
  readonly end: number
  readonly errors: readonly DocumentParseError[]
  readonly warnings: readonly ImportWarning[]
}

/**
 * Reads one project's 绩效目标表 (code, name, budget in 分, plan, purpose, goals, indicators).
 * A missing or unreadable required cell is an error, but reading goes on through the whole
 * table so that all of its errors (and warnings) are reported at once.
 */
export function readProject(ctx: ProjectContext): ProjectRead {
  const warnings: ImportWarning[] = []
  const { rows, segment } = ctx
  const first = rows[segment.start]
  const last = rows[segment.end - 1]
  const startLine = first?.line ?? 1
  const endLine = last?.endLine ?? startLine

  const headerIndex = findIndex(rows, segment.start, segment.end, (row) => headerColumns(row) !== null)
  // Code and name are read above the indicator table only, never from an indicator row.
  const headEnd = headerIndex === -1 ? segment.end : headerIndex
  const codeCell = findLabeled(rows, segment.start, headEnd, LABEL.code)
  const nameCell = findLabeled(rows, segment.start, headEnd, LABEL.name)
  const code = codeCell?.value ?? ''
  const name = nameCell?.value || code || `第 ${startLine} 行起的项目`
  const errors: DocumentParseError[] = []
  const fail: Fail = (error) => errors.push(error)
  const warn = (field: string, message: string): void => {
    warnings.push({ project: name, field, message })
  }
  const read = (end: number, project: ParsedProject | null): ProjectRead => ({
    project: errors.length === 0 ? project : null,
    code,
    name,
    line: startLine,
    codeLine: codeCell?.line ?? startLine,
    end,
    errors,
    warnings,
  })

  if (!nameCell || nameCell.value === '') {
    fail(failure(`项目「${name}」缺少项目名称`, `project ${code || '?'} has no 项目名称 (name)`, nameCell?.line ?? startLine, '“项目名称”后的单元格写明项目名称', { project: name, field: '项目名称' }))
  }
  if (code === '') {
    fail(failure(`项目「${name}」缺少项目编码`, `project ${name} has no 项目编码 (code)`, codeCell?.line ?? startLine, '“项目编码”后的单元格写明项目编码', { project: name, field: '项目编码' }))
  }
  if (headerIndex === -1) {
    fail(failure(
      `项目「${name}」的绩效目标表到此中断，未找到指标表（三级指标、指标值）`,
      `the table of project ${name} stops here, before its indicators`,
      endLine,
      '指标表头：一级指标、二级指标、三级指标、绩效指标描述、指标值（或目标值）',
      { project: name, field: '指标表' },
    ))
    return read(segment.end, null)
  }

  const budget = readBudget(ctx, headerIndex, name, warn, fail)
  const purpose = budget ? readPurpose(rows, segment.start, headerIndex, budget.rowIndex) : ''
  if (budget && purpose === '') warn('资金用途', `项目「${name}」的资金用途为空`)
  const plan = readPlan(rows, segment.start, headerIndex, name, warn)
  const goals = readGoals(rows, segment.start, headerIndex, name, warn)
  const { indicators, end } = readIndicators(ctx, headerIndex, name, warn, fail)
  if (!budget) return read(end, null)
  const moneyUnit: MoneyUnit = budget.unit
  return read(end, { code, name, budget: budget.split, plan, purpose, goals, indicators, line: startLine, moneyUnit })
}
