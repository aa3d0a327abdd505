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
  /** 项目编码 as written, or a stable code made from the name when the form has none. */
  readonly code: string
  /** Present (true) when the form has no 项目编码 and `code` was generated (shown as 自编). */
  readonly isCodeGenerated?: true
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

/** A project table that cannot be imported as it stands: what is missing, and where. */
export interface IncompleteProject {
  /** 项目名称, or the code / `第 N 行起的项目` when the name is missing. */
  readonly name: string
  /** 1-based line (or row of its sheet) where its table starts. */
  readonly line: number
  /** The cells missing or unreadable, e.g. 预算数, 指标表, 项目名称. */
  readonly missing: readonly string[]
  /** Its blocking errors, each with its line. */
  readonly errors: readonly DocumentParseError[]
  /** The worksheet of an .xlsx it is on. */
  readonly sheet?: string
}

export type DocumentParseResult =
  | {
      readonly ok: true
      /** The complete projects only: those that can be imported. */
      readonly document: ParsedDocument
      readonly warnings: readonly ImportWarning[]
      /** Tables left out because they cannot be read whole; nothing of them is imported. */
      readonly incomplete: readonly IncompleteProject[]
    }
  | {
      readonly ok: false
      /** The first of `errors`. */
      readonly error: DocumentParseError
      /** Every blocking error of the document, in document order; nothing is imported. */
      readonly errors: readonly DocumentParseError[]
      /** The warnings of the projects (read or not) up to where reading stopped. */
      readonly warnings: readonly ImportWarning[]
      /** The tables found, none of them complete. */
      readonly incomplete: readonly IncompleteProject[]
    }
