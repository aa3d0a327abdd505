import type { MoneyUnit } from '../../domain/money'
import { readBudget, readPurpose } from './budget'
import { generatedCode } from './codes'
import { headerColumns } from './columns'
import { readGoals } from './goals'
import { readIndicators } from './indicators'
import { findIndex, findLabeled, LABEL, labelOf } from './labels'
import { failure, type Fail } from './outcome'
import { readPlan } from './plan'
import type { ProjectContext } from './segment'
import type { DocumentParseError, ImportWarning, ParsedProject } from './types'

/** One project's table as read: the project when every required cell is readable, else its errors. */
export interface ProjectRead {
  /** null when `errors` is not empty. */
  readonly project: ParsedProject | null
  /** As written, or generated from the name (isCodeGenerated) when the form has none. */
  readonly code: string
  readonly isCodeGenerated: boolean
  /** True when neither a name, a code nor a budget is filled in (a blank template). */
  readonly isBlank: boolean
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

  const firstHeader = findIndex(rows, segment.start, segment.end, (row) => headerColumns(row) !== null)
  // Code and name are read above the indicator table only, never from an indicator row.
  const headEnd = firstHeader === -1 ? segment.end : firstHeader
  const codeCell = findLabeled(rows, segment.start, headEnd, LABEL.code)
  const nameCell = findLabeled(rows, segment.start, headEnd, LABEL.name)
  const writtenCode = codeCell?.value ?? ''
  const nameValue = nameCell?.value ?? ''
  // A form without 项目编码 gets a stable code made from its name (shown as 自编).
  const isCodeGenerated = writtenCode === '' && nameValue !== ''
  const code = isCodeGenerated ? generatedCode(nameValue) : writtenCode
  const name = nameValue || code || `第 ${startLine} 行起的项目`
  const errors: DocumentParseError[] = []
  const fail: Fail = (error) => errors.push(error)
  const warn = (field: string, message: string): void => {
    warnings.push({ project: name, field, message })
  }
  const budgetCell = findLabeled(rows, segment.start, headEnd, LABEL.budget)
  const isBlank = nameValue === '' && writtenCode === '' && (budgetCell?.value ?? '') === ''
  const read = (end: number, project: ParsedProject | null): ProjectRead => ({
    project: errors.length === 0 ? project : null,
    code,
    isCodeGenerated,
    isBlank,
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
  if (codeCell && writtenCode === '' && nameValue !== '') {
    warn('项目编码', `项目「${name}」的项目编码为空，已按项目名称生成自编编码 ${code}，可在预览中修改`)
  } else if (isCodeGenerated) {
    warn('项目编码', `项目「${name}」的表中没有项目编码，已按项目名称生成自编编码 ${code}，可在预览中修改`)
  }
  const headerIndex = annualHeader(ctx, firstHeader, name, warn)
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
  const project: ParsedProject = { code, name, budget: budget.split, plan, purpose, goals, indicators, line: startLine, moneyUnit }
  return read(end, isCodeGenerated ? { ...project, isCodeGenerated: true } : project)
}

/** `年度绩效指标`, `年度指标`: the row (or first cell) naming the annual indicator table. */
const ANNUAL = /^年度(绩效)?指标/
const MULTI_YEAR = /^(中期|长期)(绩效)?指标/

/**
 * The indicator header to read: the first one, unless the form has a 中期/长期 table and a
 * 年度 one (佳县-style 申报表), where the annual table is the one monitored this year.
 */
function annualHeader(ctx: ProjectContext, first: number, name: string, warn: (field: string, message: string) => void): number {
  if (first === -1) return -1
  const { rows, segment } = ctx
  const titleOf = (index: number): string => {
    const own = labelOf(rows[index]?.cells[0] ?? '')
    const above = rows[index - 1]
    const aboveText = above && above.cells.filter((c) => c.trim() !== '').length === 1 ? labelOf(above.cells.find((c) => c.trim() !== '') ?? '') : ''
    return ANNUAL.test(own) || MULTI_YEAR.test(own) ? own : aboveText
  }
  if (!MULTI_YEAR.test(titleOf(first))) return first
  let annual = -1
  for (let i = first + 1; i < segment.end && annual === -1; i++) {
    const row = rows[i]
    if (row && headerColumns(row) !== null && ANNUAL.test(titleOf(i))) annual = i
  }
  if (annual === -1) return first
  warn('指标表', `项目「${name}」有中期（长期）和年度两张指标表，按年度绩效指标读取`)
  return annual
}
