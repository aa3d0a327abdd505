import { describe, expect, it } from 'vitest'
import { loginWaitSeconds, remainingWaitSeconds } from '../../server/auth/throttle'
import { bureauDay, decideAnswer, decideClose, decideReview, decideRoundState, decideSubmit } from '../../server/review/workflow'

describe('decideSubmit', () => {
  it.each([
    [null, { ok: true, value: 1 }],
    [{ revision: 1, state: 'returned' as const }, { ok: true, value: 2 }],
    [{ revision: 3, state: 'returned' as const }, { ok: true, value: 4 }],
  ])('after %j allows revision', (latest, expected) => {
    expect(decideSubmit(latest)).toEqual(expected)
  })

  it.each([
    [{ revision: 1, state: 'submitted' as const }, 'ROUND_PENDING', '正在等待财政局审核'],
    [{ revision: 2, state: 'approved' as const }, 'ROUND_APPROVED', '第 2 版）已审核通过，不能再次报送'],
  ])('after %j refuses with the reason', (latest, code, reason) => {
    const decision = decideSubmit(latest)
    expect(decision).toMatchObject({ ok: false, code })
    expect(!decision.ok && decision.message).toContain(reason)
  })
})

describe('decideReview', () => {
  const pending = { revision: 2, state: 'submitted' as const }
  it.each([
    ['approve', pending, 2, 0, true, undefined],
    ['return', pending, 2, 3, true, undefined],
    ['ask', pending, 2, 3, true, undefined],
    ['approve', pending, 2, 1, false, 'INQUIRIES_OPEN'],
    ['approve', { revision: 1, state: 'returned' as const }, 2, 0, false, 'STALE_REVISION'],
    ['return', { revision: 2, state: 'approved' as const }, 2, 0, false, 'ALREADY_APPROVED'],
    ['ask', { revision: 2, state: 'returned' as const }, 2, 0, false, 'ALREADY_RETURNED'],
  ] as const)('%s on %j (latest %i, %i open inquiries) → %s', (action, target, latest, open, ok, code) => {
    const decision = decideReview(action, target, latest, open)
    expect(decision.ok).toBe(ok)
    if (!decision.ok) expect(decision.code).toBe(code)
  })
})

describe('inquiry steps', () => {
  it.each([
    ['open', true, true],
    ['answered', false, true],
    ['closed', false, false],
  ] as const)('%s: can answer %s, can close %s', (state, canAnswer, canClose) => {
    expect(decideAnswer(state).ok).toBe(canAnswer)
    expect(decideClose(state).ok).toBe(canClose)
  })
})

describe('decideRoundState', () => {
  it.each([
    ['nothing, no deadline', null, null, '2026-08-20', 'not_submitted', false],
    ['nothing, deadline ahead', null, '2026-08-10', '2026-08-09', 'not_submitted', false],
    ['nothing, on the deadline day', null, '2026-08-10', '2026-08-10', 'not_submitted', false],
    ['nothing, the day after', null, '2026-08-10', '2026-08-11', 'overdue', false],
    ['submitted on time', { revision: 1, state: 'submitted' as const, firstSubmittedOn: '2026-08-10' }, '2026-08-10', '2026-08-20', 'submitted', false],
    ['submitted late', { revision: 1, state: 'submitted' as const, firstSubmittedOn: '2026-08-11' }, '2026-08-10', '2026-08-20', 'submitted', true],
    ['approved', { revision: 2, state: 'approved' as const, firstSubmittedOn: '2026-08-01' }, null, '2026-08-20', 'approved', false],
  ])('%s', (_name, latest, deadline, today, state, isLate) => {
    expect(decideRoundState(latest, deadline, today)).toEqual({ state, isLate })
  })

  it('counts days in China Standard Time', () => {
    expect(bureauDay(new Date('2026-08-10T15:59:59Z'))).toBe('2026-08-10')
    expect(bureauDay(new Date('2026-08-10T16:00:00Z'))).toBe('2026-08-11')
  })
})

describe('login wait', () => {
  it.each([[0, 0], [4, 0], [5, 2], [6, 4], [8, 16], [30, 900]])('after %i failures waits %i s', (failures, seconds) => {
    expect(loginWaitSeconds(failures)).toBe(seconds)
  })

  it('rounds the remaining wait up to whole seconds', () => {
    const now = new Date('2026-08-05T00:00:00Z')
    expect(remainingWaitSeconds(null, now)).toBe(0)
    expect(remainingWaitSeconds(new Date('2026-08-05T00:00:01.200Z'), now)).toBe(2)
    expect(remainingWaitSeconds(new Date('2026-08-04T23:59:59Z'), now)).toBe(0)
  })
})
