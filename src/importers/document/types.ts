import type { MoneyUnit } from '../../domain/money'
import type { BudgetSplit, Department, IndicatorTarget, SpendPlan } from '../../domain/types'

/** Something the importer had to guess or fill in; message in Chinese, naming project and cell. */
export interface ImportWarning {
  /** 项目名称, or null for the document as a whole. */
  readonly project: string | null
  /** The cell concerned, e.g. 指标值, 资金支出计划, 预算数. */
  readonly field: string
  readonly message: string
}

export interface ParsedIndicator {
  /** Position in the project's indicator table, from 0. */
  readonly order: number
  readonly level1: string
  readonly level2: string
  readonly name: string
  readonly description: string
  readonly target: IndicatorTarget
  readonly basis: string | null
  /** 分值 / 权重 column when present. */
  readonly weight: number | null
}

export interface ParsedProject {
  readonly code: string
  readonly name: string
  /** In 分. */
  readonly budget: BudgetSplit
  readonly plan: SpendPlan
  readonly purpose: string
  /** 绩效目标 lines, numbering (`1、`) stripped: the app numbers them itself. */
  readonly goals: readonly string[]
  readonly indicators: readonly ParsedIndicator[]
  /** 1-based line where the project's table starts. */
  readonly line: number
  /** The money unit its 预算数 was stated in (amounts are in 分 whatever it is). */
  readonly moneyUnit: MoneyUnit
}

export interface ParsedDocument {
  readonly year: number | null
  readonly department: Department
  /** The money unit the document states (of its first project). */
  readonly moneyUnit: MoneyUnit
  readonly projects: readonly ParsedProject[]
}

export interface DocumentParseError {
  /** One line, Chinese then English. */
  readonly message: string
  readonly line: number | null
  /** What the importer was looking for where it stopped. */
  readonly expected: string
  /** 项目名称 (or 项目编码) of the project concerned; absent for the document as a whole. */
  readonly project?: string
  /** The cell concerned, e.g. 预算数, 项目编码, 三级指标. */
  readonly field?: string
}

export type DocumentParseResult =
  | { readonly ok: true; readonly document: ParsedDocument; readonly warnings: readonly ImportWarning[] }
  | {
      readonly ok: false
      /** The first of `errors`. */
      readonly error: DocumentParseError
      /** Every blocking error of the document, in document order; nothing is imported. */
      readonly errors: readonly DocumentParseError[]
      /** The warnings of the projects (read or not) up to where reading stopped. */
      readonly warnings: readonly ImportWarning[]
    }
