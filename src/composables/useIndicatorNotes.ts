import { computed, type MaybeRefOrGetter, toValue } from 'vue'
import { buildIndicatorNoteRows, type IndicatorNote, type IndicatorNoteRow } from '@/domain/indicatorNotes'
import type { ProjectEvaluation } from '@/domain/projectEvaluation'
import { observeProjectIndicatorNotes, saveIndicatorNote } from '@/db/indicatorNoteRepository'
import { useLiveQuery, type Subscribable } from './useLiveQuery'

const NONE: Subscribable<IndicatorNote[]> = {
  subscribe(observer) {
    observer.next([])
    return { unsubscribe() {} }
  },
}

/** The per-indicator monitoring notes of one project at its evaluation's as-of month, live, and their save. */
export function useIndicatorNotes(evaluation: MaybeRefOrGetter<ProjectEvaluation | null>, actor: () => string) {
  const projectId = computed(() => toValue(evaluation)?.project.id ?? null)
  const notes = useLiveQuery(() => (projectId.value === null ? NONE : observeProjectIndicatorNotes(projectId.value)), [] as IndicatorNote[])
  const rows = computed<readonly IndicatorNoteRow[]>(() => {
    const e = toValue(evaluation)
    return e === null ? [] : buildIndicatorNoteRows(e.indicators, notes.data.value, e.month)
  })
  return { rows, save: (note: IndicatorNote) => saveIndicatorNote(note, actor()).then(() => undefined) }
}
