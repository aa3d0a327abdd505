import type { ImportWarning } from './document'

/** The warnings about one cell (字段) of one project. */
export interface WarningField {
  readonly field: string
  readonly messages: readonly string[]
}

/** The warnings of one project (or of the document as a whole when project is null). */
export interface WarningGroup {
  readonly project: string | null
  readonly count: number
  readonly fields: readonly WarningField[]
}

/**
 * Groups warnings by project, then by cell, keeping the document's order; the document's
 * own warnings (年度, 单位) come first. Linear in the number of warnings.
 */
export function groupWarnings(warnings: readonly ImportWarning[]): WarningGroup[] {
  const projects = new Map<string | null, Map<string, string[]>>([[null, new Map()]])
  for (const warning of warnings) {
    let fields = projects.get(warning.project)
    if (!fields) {
      fields = new Map()
      projects.set(warning.project, fields)
    }
    const messages = fields.get(warning.field)
    if (messages) messages.push(warning.message)
    else fields.set(warning.field, [warning.message])
  }
  return [...projects.entries()]
    .filter(([, fields]) => fields.size > 0)
    .map(([project, fields]) => ({
      project,
      count: [...fields.values()].reduce((sum, messages) => sum + messages.length, 0),
      fields: [...fields.entries()].map(([field, messages]) => ({ field, messages })),
    }))
}

/** Number of warnings per project name, for the preview's project list. */
export function countWarningsByProject(warnings: readonly ImportWarning[]): ReadonlyMap<string, number> {
  const counts = new Map<string, number>()
  for (const warning of warnings) {
    if (warning.project !== null) counts.set(warning.project, (counts.get(warning.project) ?? 0) + 1)
  }
  return counts
}
