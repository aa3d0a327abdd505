/**
 * ProjectData factories for the entry-grid tests, built on the seed department of factories.ts
 * (2020, 315002): a project with its seed indicators and whatever has been entered for it.
 */
import type { ProjectData } from '@/domain/projectData'
import type { Indicator, Project } from '@/domain/types'
import { makeIndicator, SEED_INDICATORS, SEED_PROJECTS, type SeedProjectName } from './factories'

/** A seed project with its seed indicators by default and nothing entered. */
export function dataOf(name: SeedProjectName, parts: Partial<Omit<ProjectData, 'project'>> = {}): ProjectData {
  return {
    project: SEED_PROJECTS[name],
    indicators: parts.indicators ?? SEED_INDICATORS[name],
    spending: parts.spending ?? [],
    values: parts.values ?? [],
    notes: parts.notes ?? [],
  }
}

/** A qualitative indicator (no number in its target): entered as 绿/黄/红 by hand. */
export function qualitativeIndicator(project: Project, order: number, name: string): Indicator {
  return makeIndicator(project, order, name, { raw: '按计划实施', operator: null, value: null, unit: null, kind: 'qualitative' })
}
