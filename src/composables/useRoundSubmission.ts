// The 报送到财政局 control of a department's round: whether it can be sent, its outbox state,
// sending (through the outbox) and the offline package file.
import { computed, shallowRef, type Ref } from 'vue'
import { runOutbox } from '@/api/outboxScheduler'
import { account, presence } from '@/api/session'
import { OUTBOX_STATE_LABELS, enqueueSubmission } from '@/db/outboxRepository'
import { buildRoundSubmission, observeRoundSubmissionState, type RoundSubmissionState } from '@/db/submissionRepository'
import type { Month } from '@/domain/types'
import { buildSubmissionPackage } from '@/schema/submission'
import { useLiveQuery } from './useLiveQuery'

const NONE: RoundSubmissionState = { isLocked: false, outbox: null }

/** State and actions of 报送到财政局 for the round (year, department, month) on screen. */
export function useRoundSubmission(year: Ref<number | null>, departmentCode: Ref<string | null>, month: Ref<Month>) {
  const { data } = useLiveQuery(() => {
    const y = year.value
    const code = departmentCode.value
    return y === null || code === null
      ? { subscribe: (o: { next: (v: RoundSubmissionState) => void }) => (o.next(NONE), { unsubscribe: () => undefined }) }
      : observeRoundSubmissionState(y, code, month.value)
  }, NONE)
  const isBusy = shallowRef(false)
  const failure = shallowRef<string | null>(null)

  const stateLabel = computed(() => (data.value.outbox ? OUTBOX_STATE_LABELS[data.value.outbox.state] : null))
  /** Why the round cannot be 报送-ed online now, or null when it can. */
  const blocker = computed((): string | null => {
    const outbox = data.value.outbox
    if (outbox?.state === 'delivered' || outbox?.state === 'approved' || outbox?.state === 'pending') return null
    if (presence.value === 'checking') return '正在连接财政局服务器…'
    if (presence.value === 'absent') return '未连接财政局服务器'
    if (account.value === null) return '登录后可报送到财政局'
    if (account.value.role !== 'department') return '财政局账号不报送'
    if (account.value.department?.code !== departmentCode.value) return `当前登录的是“${account.value.department?.name ?? ''}”，不是本部门`
    return null
  })
  const canSubmit = computed(() => {
    const state = data.value.outbox?.state
    return data.value.isLocked && blocker.value === null && (state === undefined || state === 'returned' || state === 'refused')
  })

  async function act(work: () => Promise<void>) {
    failure.value = null
    isBusy.value = true
    try {
      await work()
    } catch (error) {
      failure.value = error instanceof Error ? error.message : String(error)
    } finally {
      isBusy.value = false
    }
  }
  const build = () => buildRoundSubmission(year.value ?? 0, departmentCode.value ?? '', month.value, new Date())

  /** Queues the round document in the outbox and tries to send it now. */
  const submit = () => act(async () => {
    await enqueueSubmission(await build(), new Date())
    await runOutbox()
  })

  /** Saves the round as an offline package file (报送文件) for a department without a connection. */
  const exportPackage = () => act(async () => {
    const document = await build()
    const text = await buildSubmissionPackage(document)
    const link = window.document.createElement('a')
    link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
    link.download = `报送文件_${document.department.name}_${document.year}年${document.month}月.json`
    link.click()
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
  })

  return { state: data, stateLabel, blocker, canSubmit, isBusy, failure, submit, exportPackage }
}
