import { beforeEach, describe, expect, it } from 'vitest'
import { ENGINES, roundDocument, useLoggedInServer, type Harness } from './support'

describe.each(ENGINES)('submission and review on %s', (engine) => {
  let h: Harness
  let bureau: string
  let department: string
  useLoggedInServer(engine, {}, (server) => ({ h, bureau, department } = server))

  const submit = (cookie: string, document: unknown = roundDocument('315002')) => h.call('POST', '/api/submissions', { cookie, body: document })

  it('runs the whole round: 报送, 退回, resubmit, 问询, answer, close, 审核通过, each logged for the department', async () => {
    const first = await submit(department)
    expect(first.statusCode).toBe(201)
    expect(first.json().submission).toMatchObject({ revision: 1, state: 'submitted', source: 'online', submittedBy: 'd315002' })
    const firstId = first.json().submission.id

    h.clock.advanceSeconds(3600)
    const returned = await h.call('POST', `/api/submissions/${firstId}/return`, { cookie: bureau, body: { reason: '法律援助经费 7月支出未填报，请补充。' } })
    expect(returned.statusCode).toBe(200)
    expect(returned.json().submission.state).toBe('returned')

    h.clock.advanceSeconds(3600)
    const corrected = roundDocument('315002', 2026, 7, { reportedAt: '2026-08-05T14:00:00+08:00' })
    const second = await submit(department, corrected)
    expect(second.statusCode).toBe(201)
    expect(second.json().submission).toMatchObject({ revision: 2, state: 'submitted' })
    const secondId = second.json().submission.id

    // The returned revision is kept, with its state.
    const old = await h.call('GET', `/api/submissions/${firstId}`, { cookie: department })
    expect(old.json().submission).toMatchObject({ revision: 1, state: 'returned', content: roundDocument('315002').content })

    const asked = await h.call('POST', `/api/submissions/${secondId}/inquiries`, {
      cookie: bureau, body: { projectId: 'p-legal-aid', indicatorId: 'i-cases', question: '受理数为何只完成 60%？' },
    })
    expect(asked.statusCode).toBe(201)
    const inquiryId = asked.json().inquiry.id
    expect(asked.json().inquiry).toMatchObject({ state: 'open', target: { projectId: 'p-legal-aid', indicatorId: 'i-cases' }, askedBy: 'admin' })

    const early = await h.call('POST', `/api/submissions/${secondId}/approve`, { cookie: bureau })
    expect(early.statusCode).toBe(409)
    expect(early.json().message).toContain('还有 1 条问询未关闭')

    const answered = await h.call('POST', `/api/inquiries/${inquiryId}/answer`, { cookie: department, body: { answer: '上半年案件少，下半年集中受理。' } })
    expect(answered.statusCode).toBe(200)
    expect(answered.json().inquiry).toMatchObject({ state: 'answered', answeredBy: 'd315002' })
    const again = await h.call('POST', `/api/inquiries/${inquiryId}/answer`, { cookie: department, body: { answer: '再答一次' } })
    expect(again.statusCode).toBe(409)

    const closed = await h.call('POST', `/api/inquiries/${inquiryId}/close`, { cookie: bureau, body: { note: '答复合理' } })
    expect(closed.json().inquiry).toMatchObject({ state: 'closed', closeNote: '答复合理', closedBy: 'admin' })

    const approved = await h.call('POST', `/api/submissions/${secondId}/approve`, { cookie: bureau })
    expect(approved.statusCode).toBe(200)
    expect(approved.json().submission.state).toBe('approved')

    const round = await h.call('GET', '/api/departments/315002/rounds/2026/7', { cookie: department })
    expect(round.statusCode).toBe(200)
    const body = round.json()
    expect(body.revisions.map((r: { revision: number; state: string }) => [r.revision, r.state])).toEqual([[2, 'approved'], [1, 'returned']])
    expect(body.actions.map((a: { label: string; actor: string; revision: number }) => [a.label, a.actor, a.revision])).toEqual([
      ['报送', 'd315002', 1],
      ['退回', 'admin', 1],
      ['报送', 'd315002', 2],
      ['问询', 'admin', 2],
      ['答复问询', 'd315002', 2],
      ['关闭问询', 'admin', 2],
      ['审核通过', 'admin', 2],
    ])
    expect(body.actions[1]).toMatchObject({ note: '法律援助经费 7月支出未填报，请补充。', at: '2026-08-05T03:00:00.000Z' })
    expect(body.actions[3].note).toBe('法律援助经费 / 法律援助案件受理数：受理数为何只完成 60%？')
  })

  it('refuses to resubmit an approved round, saying why', async () => {
    const id = (await submit(department)).json().submission.id
    await h.call('POST', `/api/submissions/${id}/approve`, { cookie: bureau })
    const again = await submit(department)
    expect(again.statusCode).toBe(409)
    expect(again.json()).toMatchObject({ error: 'ROUND_APPROVED', message: '本月报送（第 1 版）已审核通过，不能再次报送。如确需更正，请联系财政局。' })
    const listed = await h.call('GET', '/api/submissions?year=2026&month=7', { cookie: department })
    expect(listed.json().submissions).toHaveLength(1)
  })

  it('refuses a second submission while the first waits for review', async () => {
    await submit(department)
    const again = await submit(department)
    expect(again.statusCode).toBe(409)
    expect(again.json().error).toBe('ROUND_PENDING')
  })

  it('keeps concurrent submissions of one round to one revision', async () => {
    const results = await Promise.all([submit(department), submit(department), submit(department)])
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409])
  })

  it('refuses to act on a superseded revision or twice on one', async () => {
    const firstId = (await submit(department)).json().submission.id
    await h.call('POST', `/api/submissions/${firstId}/return`, { cookie: bureau, body: { reason: '补充' } })
    await submit(department)
    const stale = await h.call('POST', `/api/submissions/${firstId}/approve`, { cookie: bureau })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().message).toContain('第 1 版已被第 2 版取代')
  })

  it.each([
    [{ reason: '' }, 'reason', '请填写退回原因'],
    [{}, 'reason', '请填写退回原因'],
  ])('a 退回 needs a reason: %j', async (body, path, message) => {
    const id = (await submit(department)).json().submission.id
    const response = await h.call('POST', `/api/submissions/${id}/return`, { cookie: bureau, body })
    expect(response.statusCode).toBe(400)
    expect(response.json().problems).toContainEqual({ path, message })
  })

  it('asks only about projects and indicators that are in the submission', async () => {
    const id = (await submit(department)).json().submission.id
    const noProject = await h.call('POST', `/api/submissions/${id}/inquiries`, { cookie: bureau, body: { projectId: 'p-none', question: '?' } })
    expect(noProject.statusCode).toBe(400)
    expect(noProject.json().message).toBe('本次报送中没有编号为“p-none”的项目')
    const noIndicator = await h.call('POST', `/api/submissions/${id}/inquiries`, { cookie: bureau, body: { projectId: 'p-mediation', indicatorId: 'i-x', question: '?' } })
    expect(noIndicator.json().message).toBe('本次报送的项目“p-mediation”中没有编号为“i-x”的指标')
    const onProject = await h.call('POST', `/api/submissions/${id}/inquiries`, { cookie: bureau, body: { projectId: 'p-mediation', question: '为何支出偏慢？' } })
    expect(onProject.statusCode).toBe(201)
  })

  describe('another department', () => {
    let other: string
    let id: number
    beforeEach(async () => {
      other = await h.department('316001')
      id = (await submit(department)).json().submission.id
    })

    it.each([
      ['GET', (): string => `/api/submissions/${id}`, undefined],
      ['GET', (): string => '/api/departments/315002/rounds/2026/7', undefined],
      ['GET', (): string => '/api/departments/999999/rounds/2026/7', undefined],
      ['GET', (): string => '/api/submissions?department=315002', undefined],
      ['POST', (): string => `/api/submissions/${id}/approve`, undefined],
      ['POST', (): string => `/api/submissions/${id}/return`, { reason: 'x' }],
      ['POST', (): string => `/api/submissions/${id}/inquiries`, { projectId: 'p-legal-aid', question: 'x' }],
    ] as const)('%s %s → 403', async (method, url, body) => {
      const response = await h.call(method, url(), { cookie: other, body })
      expect(response.statusCode).toBe(403)
      expect(response.json().message).toMatch(/无权访问其他部门的数据|只有财政局账号/)
    })

    it('cannot answer its inquiries, and lists only its own submissions', async () => {
      const inquiryId = (await h.call('POST', `/api/submissions/${id}/inquiries`, { cookie: bureau, body: { projectId: 'p-legal-aid', question: '?' } })).json().inquiry.id
      const answer = await h.call('POST', `/api/inquiries/${inquiryId}/answer`, { cookie: other, body: { answer: '冒充' } })
      expect(answer.statusCode).toBe(403)
      const listed = await h.call('GET', '/api/submissions', { cookie: other })
      expect(listed.json().submissions).toEqual([])
    })

    it('cannot submit in its name', async () => {
      const response = await submit(other, roundDocument('315002', 2026, 8))
      expect(response.statusCode).toBe(403)
      expect(response.json().message).toContain('不能替其他部门报送')
    })
  })

  it('lets the bureau read every department and pull a round', async () => {
    const other = await h.department('316001')
    await submit(department)
    await submit(other, roundDocument('316001'))
    const all = await h.call('GET', '/api/submissions?year=2026', { cookie: bureau })
    expect(all.json().submissions.map((s: { department: { code: string } }) => s.department.code)).toEqual(['315002', '316001'])
    const pulled = await h.call('GET', '/api/rounds/2026/7/submissions', { cookie: bureau })
    expect(pulled.json().submissions).toHaveLength(2)
    expect(pulled.json().submissions[1].content).toEqual(roundDocument('316001').content)
  })

  it('lists 报送情况 with 逾期未报 after the deadline and late rounds marked', async () => {
    await h.department('316001')
    await h.department('317001')
    const set = await h.call('PUT', '/api/rounds/2026/7/deadline', { cookie: bureau, body: { deadline: '2026-08-10' } })
    expect(set.statusCode).toBe(200)
    await submit(department)
    h.clock.set('2026-08-11T01:00:00Z') // 09:00 on 11 August in Beijing; yesterday's sessions have expired
    await submit(await h.login('d316001', 'd316001-password'), roundDocument('316001'))
    bureau = await h.login('admin', 'admin-password')
    department = await h.login('d315002', 'd315002-password')
    const status = await h.call('GET', '/api/status?year=2026', { cookie: bureau })
    expect(status.statusCode).toBe(200)
    const listing = status.json()
    expect(listing.today).toBe('2026-08-11')
    expect(listing.deadlines[6]).toEqual({ month: 7, deadline: '2026-08-10' })
    const july = (code: string) => listing.departments.find((d: { code: string }) => d.code === code).months[6]
    expect(july('315002')).toMatchObject({ state: 'submitted', label: '待审核', revision: 1, isLate: false })
    expect(july('316001')).toMatchObject({ state: 'submitted', isLate: true })
    expect(july('317001')).toMatchObject({ state: 'overdue', label: '逾期未报', submissionId: null })
    expect(listing.departments[0].months[7]).toMatchObject({ month: 8, state: 'not_submitted', label: '未报送' })
    // Departments see the deadlines too.
    const rounds = await h.call('GET', '/api/rounds?year=2026', { cookie: department })
    expect(rounds.json().rounds).toMatchObject([{ month: 7, deadline: '2026-08-10', setBy: 'admin' }])
  })

  it('refuses a bad deadline with the field', async () => {
    const response = await h.call('PUT', '/api/rounds/2026/7/deadline', { cookie: bureau, body: { deadline: '2026-13-01' } })
    expect(response.statusCode).toBe(400)
    expect(response.json().problems).toEqual([{ path: 'deadline', message: '截止日期应为 YYYY-MM-DD 格式，例如 2026-08-10' }])
  })
})
