import type { MoneyUnit } from '../../domain/money'
import type { SourceRow } from '../rows'
import { headerColumns } from './columns'
import { hasLabel, LABEL } from './labels'

/** Rows [start, end) of the document. */
export interface Segment {
  readonly start: number
  readonly end: number
}

/** What the readers of one project's blocks share. */
export interface ProjectContext {
  readonly rows: readonly SourceRow[]
  readonly segment: Segment
  /** Money unit declared at or before each row (`单位：万元`), null before any. */
  readonly unitAt: readonly (MoneyUnit | null)[]
}

/**
 * A project starts at a row labeled 项目编码 or 项目名称. Code and name may sit on two rows
 * of the same table, so a new project starts only once the current one has shown its
 * budget or indicator header, or when a label repeats (a table cut off before its budget).
 */
export function segmentProjects(rows: readonly SourceRow[]): Segment[] {
  const starts: number[] = []
  let seen = new Set<'code' | 'name'>()
  let isFilled = false
  rows.forEach((row, index) => {
    const kinds = (['code', 'name'] as const).filter((kind) => hasLabel(row, LABEL[kind]))
    if (kinds.length > 0) {
      const isRepeat = kinds.some((kind) => seen.has(kind))
      if (starts.length === 0 || isFilled || isRepeat) {
        starts.push(index)
        seen = new Set()
        isFilled = false
      }
      kinds.forEach((kind) => seen.add(kind))
    }
    if (hasLabel(row, LABEL.budget) || headerColumns(row) !== null) isFilled = true
  })
  return starts.map((start, k) => ({ start, end: starts[k + 1] ?? rows.length }))
}
