import { fenToWan } from '../domain/money'
import type { Fen, IndicatorKind, Operator } from '../domain/types'
import type { ImportWarning, IncompleteProject, ParsedDocument } from './document'
import type { SheetSummary } from './workbook'

/** The JSON printed by `npm run parse`: money in 万元 (numbers), plan in % keyed by month. */
export interface ParseJson {
  readonly year: number | null
  readonly department: { readonly code: string; readonly name: string }
  readonly moneyUnit: 'wan' | 'yuan'
  readonly projects: ReadonlyArray<{
    readonly code: string
    readonly name: string
    readonly budget: { readonly total: number; readonly fiscal: number | null; readonly other: number | null }
    readonly plan: { readonly '3': number | null; readonly '6': number | null; readonly '10': number | null; readonly '12': number | null }
    readonly purpose: string
    readonly goals: readonly string[]
    readonly indicators: ReadonlyArray<{
      readonly order: number
      readonly level1: string
      readonly level2: string
      readonly name: string
      readonly description: string
      readonly target: {
        readonly raw: string
        readonly operator: Operator | null
        readonly value: number | null
        readonly unit: string | null
        readonly kind: IndicatorKind
      }
      readonly basis: string | null
      readonly weight: number | null
    }>
  }>
  readonly warnings: readonly ImportWarning[]
  /** Tables left out, present only when there are some (a partial document). */
  readonly incomplete?: ReadonlyArray<{ readonly name: string; readonly line: number; readonly missing: readonly string[]; readonly sheet?: string }>
  /** The worksheets of an .xlsx, present only for workbooks. */
  readonly sheets?: readonly SheetSummary[]
}

function wan(fen: Fen | null): number | null {
  // fen / 1e6 is one correctly rounded division, so 6_300_000 分 prints as 6.3.
  return fen === null ? null : fenToWan(fen)
}

/** Where a read came from, beyond the document: incomplete tables, a workbook's sheets. */
export interface ParseExtras {
  readonly incomplete?: readonly IncompleteProject[]
  readonly sheets?: readonly SheetSummary[] | null
}

/** Maps a parsed document and its warnings to the CLI's JSON shape (money in 万元). */
export function toParseJson(doc: ParsedDocument, warnings: readonly ImportWarning[], extras: ParseExtras = {}): ParseJson {
  const incomplete = (extras.incomplete ?? []).map((p) => ({ name: p.name, line: p.line, missing: [...p.missing], ...(p.sheet === undefined ? {} : { sheet: p.sheet }) }))
  return {
    year: doc.year,
    department: { code: doc.department.code, name: doc.department.name },
    moneyUnit: doc.moneyUnit,
    projects: doc.projects.map((project) => ({
      code: project.code,
      name: project.name,
      budget: {
        total: fenToWan(project.budget.total),
        fiscal: wan(project.budget.fiscal),
        other: wan(project.budget.other),
      },
      plan: { '3': project.plan[3], '6': project.plan[6], '10': project.plan[10], '12': project.plan[12] },
      purpose: project.purpose,
      goals: [...project.goals],
      indicators: project.indicators.map((indicator) => ({
        order: indicator.order,
        level1: indicator.level1,
        level2: indicator.level2,
        name: indicator.name,
        description: indicator.description,
        target: {
          raw: indicator.target.raw,
          operator: indicator.target.operator,
          value: indicator.target.value,
          unit: indicator.target.unit,
          kind: indicator.target.kind,
        },
        basis: indicator.basis,
        weight: indicator.weight,
      })),
    })),
    warnings: warnings.map((w) => ({ project: w.project, field: w.field, message: w.message })),
    ...(incomplete.length > 0 ? { incomplete } : {}),
    ...(extras.sheets ? { sheets: extras.sheets } : {}),
  }
}

/** One stderr line per warning, e.g. `警告：项目「…」…`. */
export function formatWarning(warning: ImportWarning): string {
  return `警告：${warning.message}`
}
