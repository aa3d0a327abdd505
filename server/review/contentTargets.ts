// What a 问询 can point at inside a round's content: a project by id, or one of its indicators.
// Follows SubmissionContentSchema (src/schema/submission.ts); changes with the round document.
import type { SubmissionContent } from '../../src/schema/submission'

/** The project's name when it (and the indicator, if given) exists in the content, else null. */
export function findInquiryTarget(content: unknown, projectId: string, indicatorId: string | null): { readonly label: string } | null {
  const projects = (content as SubmissionContent | null)?.projects ?? []
  const project = projects.find((p) => p.id === projectId)
  if (!project) return null
  const name = typeof project['name'] === 'string' ? project['name'] : projectId
  if (indicatorId === null) return { label: name }
  const indicator = (project.indicators ?? []).find((i) => i.id === indicatorId)
  if (!indicator) return null
  const indicatorName = typeof indicator['name'] === 'string' ? indicator['name'] : indicatorId
  return { label: `${name} / ${indicatorName}` }
}
