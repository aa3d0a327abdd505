// One submission under review by the bureau: its content, the round's revisions, 问询 and log,
// and the review actions (审核通过, 退回, 问询, closing a 问询).
import { computed, shallowRef, type Ref } from 'vue'
import { describeTarget, readRoundProjects } from '@/api/roundContent'
import { api } from '@/api/session'
import { useApiLoad } from './useApiLoad'
import type { RoundHistory, Submission } from '@/api/types'

/** Loads submission `id` with its round and offers the bureau's actions; each reloads it. */
export function useBureauSubmission(id: Ref<number>) {
  const submission = shallowRef<Submission | null>(null)
  const history = shallowRef<RoundHistory | null>(null)
  const askTarget = shallowRef<{ projectId: string; indicatorId: string | null; label: string } | null>(null)
  const projects = computed(() => readRoundProjects(submission.value?.content))
  const latestRevision = computed(() => history.value?.revisions[0]?.revision ?? null)
  /** Only the latest revision, waiting for review, can be approved, returned or asked about. */
  const canReview = computed(() => submission.value?.state === 'submitted' && submission.value.revision === latestRevision.value)

  const { failure, isBusy, load, act } = useApiLoad(id, async () => {
    const loaded = await api.getSubmission(id.value)
    history.value = await api.round(loaded.department.code, loaded.year, loaded.month)
    submission.value = loaded
  })

  return {
    submission, history, projects, failure, isBusy, askTarget, canReview, load,
    targetLabel: (target: { projectId: string; indicatorId: string | null }) => describeTarget(projects.value, target),
    approve: () => act(() => api.approve(id.value)),
    returnSubmission: (reason: string) => act(() => api.returnSubmission(id.value, reason)),
    ask: (question: string) => act(async () => {
      const target = askTarget.value
      if (!target) return
      await api.ask(id.value, { projectId: target.projectId, indicatorId: target.indicatorId }, question)
      askTarget.value = null
    }),
    closeInquiry: (inquiryId: number) => act(() => api.closeInquiry(inquiryId, null)),
  }
}
