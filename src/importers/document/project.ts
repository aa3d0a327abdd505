import type { MoneyUnit } from '../../domain/money'
import { readBudget, readPurpose } from './budget'
import { headerColumns } from './columns'
import { readGoals } from './goals'
import { readIndicators } from './indicators'
import { findIndex, findLabeled, LABEL } from './labels'
import { fail, failure, type Outcome } from './outcome'
import { readPlan } from './plan'
import type { ProjectContext } from './segment'
import type { ParsedProject } from './types'

/** One project as read, with the money unit its budget was stated in. */
export interface ProjectRead {
  readonly project: ParsedProject
  readonly moneyUnit: MoneyUnit
  /** Index after the last row that belongs to the project's table. */
  readonly end: number
}

/** Reads one project's 绩效目标表 (code, name, budget in 分, plan, purpose, goals, indicators); fails on a missing field. */
export function readProject(ctx: ProjectContext): Outcome<ProjectRead> {
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
  const name = nameCell?.value ?? ''
  const code = codeCell?.value ?? ''
  const who = name || code || `第 ${startLine} 行起的项目`
  if (!nameCell || name === '') {
    return fail(failure(`项目「${who}」缺少项目名称`, `project ${code || '?'} has no 项目名称 (name)`, nameCell?.line ?? startLine, '“项目名称”后的单元格写明项目名称'))
  }
  if (!codeCell || code === '') {
    return fail(failure(`项目「${name}」缺少项目编码`, `project ${name} has no 项目编码 (code)`, codeCell?.line ?? startLine, '“项目编码”后的单元格写明项目编码'))
  }

  if (headerIndex === -1) {
    return fail(failure(
      `项目「${name}」的绩效目标表到此中断，未找到指标表（三级指标、指标值）`,
      `the table of project ${name} stops here, before its indicators`,
      endLine,
      '指标表头：一级指标、二级指标、三级指标、绩效指标描述、指标值（或目标值）',
    ))
  }
  const warn = (field: string, message: string): void => {
    ctx.warnings.push({ project: name, field, message })
  }

  const budget = readBudget(ctx, headerIndex, name, warn)
  if (!budget.ok) return budget
  const purpose = readPurpose(rows, segment.start, headerIndex, budget.value.rowIndex)
  if (purpose === '') warn('资金用途', `项目「${name}」的资金用途为空`)
  const plan = readPlan(rows, segment.start, headerIndex, name, warn)
  const goals = readGoals(rows, segment.start, headerIndex, name, warn)
  const indicators = readIndicators(ctx, headerIndex, name, warn)
  if (!indicators.ok) return indicators

  return {
    ok: true,
    value: {
      project: {
        code,
        name,
        budget: budget.value.split,
        plan,
        purpose,
        goals,
        indicators: indicators.value.indicators,
        line: startLine,
      },
      moneyUnit: budget.value.unit,
      end: indicators.value.end,
    },
  }
}
