/**
 * 项目管理 view-models: the form's draft of a stored project (amounts in 万元, plan in %), an
 * empty draft, a table row, and a 指标值 as the app reads it (shown beside the typed text).
 */
import { formatWan } from '@/domain/money'
import { formatMoneyInput } from '@/domain/numberInput'
import type { IndicatorDraft, ProjectDraft, TargetReading } from '@/domain/projectRegister'
import { CHECKPOINTS, type Checkpoint, type Indicator, type Project } from '@/domain/types'

const OPERATOR_TEXT = { '>=': '≥', '<=': '≤', '=': '=', '>': '>', '<': '<' } as const
const KIND_TEXT = { cumulative: '累计', level: '时点', qualitative: '定性' } as const

/** An empty indicator row, as 新增指标 adds it. */
export function emptyIndicatorDraft(): IndicatorDraft {
  return { id: null, level1: '产出指标', level2: '', name: '', description: '', targetRaw: '', kind: null, basis: '', isRemoved: false }
}

/** An empty project draft for 新建项目 (with one indicator row to fill). */
export function emptyProjectDraft(): ProjectDraft {
  return { name: '', code: '', fiscalWan: '', otherWan: '', purpose: '', plan: { 3: '', 6: '', 10: '', 12: '' }, goals: [], indicators: [emptyIndicatorDraft()] }
}

/**
 * The draft of a stored project and its indicators in use. A budget stated only as 预算数 (no
 * split) shows as 财政资金.
 */
export function projectDraftOf(project: Project, indicators: readonly Indicator[]): ProjectDraft {
  const { total, fiscal, other } = project.budget
  const isUnsplit = fiscal === null && other === null
  const plan = Object.fromEntries(CHECKPOINTS.map((m) => [m, project.plan[m] === null ? '' : String(project.plan[m])])) as Record<Checkpoint, string>
  return {
    name: project.name,
    code: project.code,
    fiscalWan: isUnsplit ? formatMoneyInput(total, 'wan') : fiscal === null ? '' : formatMoneyInput(fiscal, 'wan'),
    otherWan: other === null ? '' : formatMoneyInput(other, 'wan'),
    purpose: project.purpose,
    plan,
    goals: [...project.goals],
    indicators: indicators
      .filter((indicator) => !indicator.archivedAt)
      .map((indicator) => ({
        id: indicator.id,
        level1: indicator.level1,
        level2: indicator.level2,
        name: indicator.name,
        description: indicator.description,
        targetRaw: indicator.target.raw,
        // Only a 口径 chosen by hand differs from the document's; the form shows it selected.
        kind: indicator.documentKind !== undefined && indicator.target.kind !== indicator.documentKind && indicator.target.kind !== 'qualitative' ? indicator.target.kind : null,
        basis: indicator.basis ?? '',
        isRemoved: false,
      })),
  }
}

/** How the app reads a typed 指标值, e.g. `≥ 98 %（时点）` or `定性：优良（手工评价）`. */
export function describeTargetReading(reading: TargetReading): string {
  const { operator, value, unit, kind, raw } = reading.target
  if (raw.trim() === '') return ''
  if (value === null) return `定性：${raw.trim()}（手工评价）`
  return `${operator === null ? '' : `${OPERATOR_TEXT[operator]} `}${value}${unit ? ` ${unit}` : ''}（${KIND_TEXT[kind]}）`
}

/** One line of the 项目管理 table (amounts in 万元, 2 decimals). */
export interface RegisterRow {
  readonly id: string
  readonly code: string
  readonly isCodeGenerated: boolean
  readonly name: string
  readonly fiscal: string
  readonly other: string
  readonly total: string
  readonly indicatorCount: number
  readonly archivedIndicatorCount: number
}

/** The table row of a project (its indicators in use counted, archived ones apart). */
export function registerRowOf(project: Project, indicators: readonly Indicator[]): RegisterRow {
  const archived = indicators.filter((indicator) => indicator.archivedAt).length
  return {
    id: project.id,
    code: project.code,
    isCodeGenerated: project.isCodeGenerated === true,
    name: project.name,
    fiscal: project.budget.fiscal === null ? '—' : formatWan(project.budget.fiscal),
    other: project.budget.other === null ? '—' : formatWan(project.budget.other),
    total: formatWan(project.budget.total),
    indicatorCount: indicators.length - archived,
    archivedIndicatorCount: archived,
  }
}

/** An archived project or indicator, as the 已删除 list shows it. */
export interface ArchivedItem {
  readonly id: string
  readonly kind: 'project' | 'indicator'
  readonly label: string
  /** Local date of archiving, e.g. 2021-05-03. */
  readonly archivedOn: string
}

const localDate = (iso: string) => {
  const at = new Date(iso)
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`
}

/** The archived projects, then the archived indicators of projects in use, newest first each. */
export function archivedItemsOf(entries: readonly { readonly project: Project; readonly indicators: readonly Indicator[] }[]): ArchivedItem[] {
  const newest = (a: { at: string }, b: { at: string }) => b.at.localeCompare(a.at)
  const projects = entries
    .flatMap(({ project }) => (project.archivedAt ? [{ at: project.archivedAt, project }] : []))
    .sort(newest)
    .map(({ at, project }): ArchivedItem => ({ id: project.id, kind: 'project', label: `${project.code} ${project.name}`, archivedOn: localDate(at) }))
  const indicators = entries
    .filter(({ project }) => !project.archivedAt)
    .flatMap(({ project, indicators: rows }) => rows.flatMap((row) => (row.archivedAt ? [{ at: row.archivedAt, row, project }] : [])))
    .sort(newest)
    .map(({ at, row, project }): ArchivedItem => ({ id: row.id, kind: 'indicator', label: `${project.name} · ${row.name}（${row.target.raw}）`, archivedOn: localDate(at) }))
  return [...projects, ...indicators]
}
