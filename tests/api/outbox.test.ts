import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApiClient, type FetchLike } from '@/api/client'
import { sendDueSubmissions, syncReviewStates } from '@/api/outboxSender'
import { createDatabase, type MonitorDatabase } from '@/db/database'
import { enqueueSubmission, latestOfRound, OutboxRefusedError, retryDelayMs } from '@/db/outboxRepository'
import type { SubmissionDocument } from '@/schema/submission'

let database: MonitorDatabase
let name = 0
beforeEach(async () => {
  database = createDatabase(`outbox-test-${(name += 1)}`)
  await database.open()
})
afterEach(async () => {
  await database.delete()
})

const T0 = new Date('2020-08-05T02:00:00Z')
const at = (ms: number) => new Date(T0.getTime() + ms)
const document = (month = 7): SubmissionDocument => ({
  formatVersion: 1, department: { code: '315002', name: '司法局' }, year: 2020, month, reportedAt: T0.toISOString(), content: { projects: [] },
})
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/** A fake server whose POST /api/submissions answers from a script, one entry per call. */
function scriptedClient(script: (() => Response)[], submissions: { id: number; state: string }[] = []) {
  const posted: unknown[] = []
  const fetch: FetchLike = async (url, init) => {
    if (url === '/api/submissions' && init?.method === 'POST') {
      posted.push(JSON.parse(String(init.body)))
      const next = script.shift()
      if (!next) throw new TypeError('Failed to fetch')
      return next()
    }
    if (url === '/api/submissions') return json(200, { submissions })
    throw new TypeError('Failed to fetch')
  }
  return { client: createApiClient({ fetch }), posted }
}
const offline = () => { throw new TypeError('Failed to fetch') }
const accepted = (id: number, revision: number) => () => json(201, { submission: { id, revision, state: 'submitted' } })

describe('outbox', () => {
  it('sends a queued round when the server is reachable: 已送达 with its revision', async () => {
    await enqueueSubmission(document(), T0, database)
    const { client, posted } = scriptedClient([accepted(11, 1)])
    expect(await sendDueSubmissions(client, () => T0, database)).toEqual({ delivered: 1, failed: 0, refused: 0 })
    expect(posted).toEqual([document()])
    expect(await latestOfRound(2020, '315002', 7, database)).toMatchObject({ state: 'delivered', submissionId: 11, revision: 1, deliveredAt: T0.toISOString() })
  })

  it.each([
    [1, 5_000], [2, 10_000], [3, 20_000], [6, 160_000], [7, 300_000], [20, 300_000],
  ])('waits longer after each failure: after %i failures %i ms', (attempts, ms) => {
    expect(retryDelayMs(attempts)).toBe(ms)
  })

  it('keeps a round 待发送 while offline and retries with backoff, then delivers', async () => {
    await enqueueSubmission(document(), T0, database)
    const { client, posted } = scriptedClient([offline, offline, accepted(12, 1)])
    await sendDueSubmissions(client, () => T0, database)
    expect(await latestOfRound(2020, '315002', 7, database)).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: at(5_000).toISOString(), lastError: expect.stringContaining('未连接财政局服务器') })
    // Not due yet: nothing is sent.
    await sendDueSubmissions(client, () => at(4_000), database)
    expect(posted).toHaveLength(1)
    await sendDueSubmissions(client, () => at(5_000), database)
    expect(await latestOfRound(2020, '315002', 7, database)).toMatchObject({ state: 'pending', attempts: 2, nextAttemptAt: at(15_000).toISOString() })
    await sendDueSubmissions(client, () => at(15_000), database)
    expect(await latestOfRound(2020, '315002', 7, database)).toMatchObject({ state: 'delivered', submissionId: 12 })
    expect(posted).toHaveLength(3)
  })

  it.each([
    ['not logged in (401): waits for the login', () => json(401, { error: 'UNAUTHENTICATED', message: '请先登录' }), 'pending', '请先登录'],
    ['a stopped server behind a proxy (502): retried', () => new Response('', { status: 502 }), 'pending', '未连接财政局服务器'],
    ['a round already approved (409): refused with the reason', () => json(409, { error: 'ROUND_APPROVED', message: '本月报送（第 1 版）已审核通过，不能再次报送。' }), 'refused', '已审核通过'],
    ['a document the schema refuses (400): refused with the field', () => json(400, { error: 'INVALID', message: '报送内容不符合格式要求', problems: [{ path: 'month', message: '月份应为 1 至 12 的整数' }] }), 'refused', 'month：月份应为'],
  ])('on %s', async (_, answer, state, message) => {
    await enqueueSubmission(document(), T0, database)
    await sendDueSubmissions(scriptedClient([answer]).client, () => T0, database)
    const row = await latestOfRound(2020, '315002', 7, database)
    expect(row?.state).toBe(state)
    expect(row?.lastError).toContain(message)
  })

  it.each([
    ['submitted', 'delivered'], ['returned', 'returned'], ['approved', 'approved'],
  ])('follows the server review: %s → %s', async (serverState, state) => {
    await enqueueSubmission(document(), T0, database)
    await sendDueSubmissions(scriptedClient([accepted(21, 1)]).client, () => T0, database)
    await syncReviewStates(scriptedClient([], [{ id: 21, state: serverState }]).client, database)
    expect((await latestOfRound(2020, '315002', 7, database))?.state).toBe(state)
  })

  it('after 退回 a resubmission is a new row (the next revision); the returned one stays', async () => {
    await enqueueSubmission(document(), T0, database)
    await sendDueSubmissions(scriptedClient([accepted(31, 1)]).client, () => T0, database)
    await syncReviewStates(scriptedClient([], [{ id: 31, state: 'returned' }]).client, database)
    await enqueueSubmission(document(), at(60_000), database)
    await sendDueSubmissions(scriptedClient([accepted(32, 2)]).client, () => at(60_000), database)
    const rows = await database.outbox.orderBy('id').toArray()
    expect(rows.map((r) => [r.state, r.revision])).toEqual([['returned', 1], ['delivered', 2]])
  })

  it.each([
    ['delivered', 'submitted', '正在等待审核'],
    ['approved', 'approved', '已审核通过'],
  ])('refuses to queue a round that is %s', async (_, serverState, message) => {
    await enqueueSubmission(document(), T0, database)
    await sendDueSubmissions(scriptedClient([accepted(41, 1)]).client, () => T0, database)
    await syncReviewStates(scriptedClient([], [{ id: 41, state: serverState }]).client, database)
    const refusal = enqueueSubmission(document(), T0, database)
    await expect(refusal).rejects.toThrow(OutboxRefusedError)
    await expect(enqueueSubmission(document(), T0, database)).rejects.toThrow(message)
  })

  it('a round still 待发送 takes the newer document instead of queueing twice', async () => {
    await enqueueSubmission(document(), T0, database)
    const newer = { ...document(), reportedAt: at(1_000).toISOString() }
    await enqueueSubmission(newer, at(1_000), database)
    const rows = await database.outbox.toArray()
    expect(rows).toHaveLength(1)
    expect(rows[0]?.document.reportedAt).toBe(newer.reportedAt)
  })
})
