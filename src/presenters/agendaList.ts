/**
 * What the 会议 page's agenda list shows: the agenda filtered (department, status, name or
 * code), grouped by department and cut into pages, so a bureau meeting of hundreds of lagging
 * projects puts one page of items in the DOM. Each item keeps its rank on the whole agenda.
 */
import type { AgendaEntry, AgendaProject } from '@/domain/agenda'
import type { Project, Status } from '@/domain/types'

export interface AgendaListQuery {
  /** A department's code, or '' for every department. */
  readonly departmentCode: string
  /** Statuses to show; empty shows every status. */
  readonly statuses: readonly Status[]
  /** Part of a project's name or code; blank shows all. */
  readonly text: string
}

export const EMPTY_AGENDA_QUERY: AgendaListQuery = { departmentCode: '', statuses: [], text: '' }

/** Agenda items per page: a page stays quick to draw and to scroll through in a meeting. */
export const AGENDA_PAGE_SIZE = 20

/** E: the project as the agenda holds it (an evaluation, or on the meeting page its stored figures). */
export interface AgendaListItem<E extends AgendaProject = AgendaProject> {
  readonly entry: AgendaEntry<E>
  /** Position on the whole agenda (1 = most urgent), whatever the filter or page. */
  readonly rank: number
}

export interface AgendaListGroup<E extends AgendaProject = AgendaProject> {
  readonly departmentCode: string
  readonly departmentName: string
  /** The group began on an earlier page. */
  readonly isContinued: boolean
  readonly items: readonly AgendaListItem<E>[]
}

export interface AgendaListPage<E extends AgendaProject = AgendaProject> {
  readonly groups: readonly AgendaListGroup<E>[]
  /** Items matching the filter, on every page. */
  readonly matched: number
  readonly page: number
  readonly pageCount: number
  /** More than one department on the page: the groups get headings. */
  readonly hasHeadings: boolean
}

/**
 * Items drawn with the page's first frame: about a screenful (an item is ~220 px high). The rest
 * of the page follows right after that frame is painted.
 */
export const AGENDA_FIRST_SCREEN = 5

/** The page cut to its first `count` items, groups kept as they are (an emptied group left out). */
export function firstItemsOf<E extends AgendaProject>(page: AgendaListPage<E>, count: number): AgendaListPage<E> {
  let left = count
  const groups: AgendaListGroup<E>[] = []
  for (const group of page.groups) {
    if (left <= 0) break
    groups.push(group.items.length <= left ? group : { ...group, items: group.items.slice(0, left) })
    left -= group.items.length
  }
  return { ...page, groups }
}

/** The agenda items matching the query, with their ranks on the whole agenda. */
export function filterAgenda<E extends AgendaProject>(entries: readonly AgendaEntry<E>[], query: AgendaListQuery): AgendaListItem<E>[] {
  const needle = query.text.trim().toLowerCase()
  const items: AgendaListItem<E>[] = []
  entries.forEach((entry, index) => {
    const { project, status } = entry.evaluation
    if (query.departmentCode && project.departmentCode !== query.departmentCode) return
    if (query.statuses.length > 0 && !query.statuses.includes(status)) return
    if (needle && !project.name.toLowerCase().includes(needle) && !project.code.toLowerCase().includes(needle)) return
    items.push({ entry, rank: index + 1 })
  })
  return items
}

/**
 * One page of the filtered agenda, grouped by department: departments in the order of their
 * most urgent item, items in agenda order within each. `page` is clamped to the pages there are.
 */
export function pageAgenda<E extends AgendaProject>(
  entries: readonly AgendaEntry<E>[],
  query: AgendaListQuery,
  departmentNames: ReadonlyMap<string, string>,
  page: number,
  pageSize: number = AGENDA_PAGE_SIZE,
): AgendaListPage<E> {
  const byDepartment = new Map<string, AgendaListItem<E>[]>()
  for (const item of filterAgenda(entries, query)) {
    const code = item.entry.evaluation.project.departmentCode
    const list = byDepartment.get(code)
    if (list) list.push(item)
    else byDepartment.set(code, [item])
  }
  // A Map keeps insertion order: a department comes where its first (most urgent) item came.
  const ordered = [...byDepartment.values()].flat()
  const pageCount = Math.max(1, Math.ceil(ordered.length / pageSize))
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount)
  const start = (current - 1) * pageSize
  const groups: AgendaListGroup<E>[] = []
  ordered.slice(start, start + pageSize).forEach((item, i) => {
    const code = item.entry.evaluation.project.departmentCode
    const last = groups.at(-1)
    if (last?.departmentCode === code) {
      ;(last.items as AgendaListItem<E>[]).push(item)
      return
    }
    const previous = ordered[start + i - 1]
    const isContinued = i === 0 && previous?.entry.evaluation.project.departmentCode === code
    groups.push({ departmentCode: code, departmentName: departmentNames.get(code) ?? code, isContinued, items: [item] })
  })
  const hasHeadings = byDepartment.size > 1
  return { groups, matched: ordered.length, page: current, pageCount, hasHeadings }
}

/** Options the 加入议程 select offers at most: a bureau has thousands of candidates. */
export const MAX_AGENDA_CANDIDATES = 50

/**
 * The projects 加入议程 offers: not on the agenda, matching the typed name or code, in the
 * scope's order, at most `max` of them (the walk stops there).
 */
export function agendaCandidates<E extends { readonly project: Pick<Project, 'id' | 'code' | 'name'> }>(
  evaluations: readonly E[],
  entries: readonly AgendaEntry<AgendaProject>[],
  text: string,
  max: number = MAX_AGENDA_CANDIDATES,
): E[] {
  const onAgenda = new Set(entries.map((e) => e.evaluation.project.id))
  const needle = text.trim().toLowerCase()
  const matches: E[] = []
  for (const e of evaluations) {
    if (matches.length >= max) break
    if (onAgenda.has(e.project.id)) continue
    if (needle && !e.project.name.toLowerCase().includes(needle) && !e.project.code.toLowerCase().includes(needle)) continue
    matches.push(e)
  }
  return matches
}
