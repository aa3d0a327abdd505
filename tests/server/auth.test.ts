import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ENGINES, openTestDatabase, startHarness, type Harness, type TestDatabase } from './support'

// Every route but health and login needs a session.
const PROTECTED: [method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string][] = [
  ['GET', '/api/session'],
  ['DELETE', '/api/session'],
  ['PUT', '/api/session/password'],
  ['GET', '/api/departments'],
  ['POST', '/api/departments'],
  ['POST', '/api/submissions'],
  ['GET', '/api/submissions'],
  ['GET', '/api/submissions/1'],
  ['POST', '/api/submissions/1/approve'],
  ['POST', '/api/submissions/1/return'],
  ['POST', '/api/submissions/1/inquiries'],
  ['POST', '/api/inquiries/1/answer'],
  ['POST', '/api/inquiries/1/close'],
  ['GET', '/api/departments/315002/rounds/2026/7'],
  ['GET', '/api/rounds?year=2026'],
  ['PUT', '/api/rounds/2026/7/deadline'],
  ['GET', '/api/status?year=2026'],
  ['GET', '/api/rounds/2026/7/submissions'],
  ['POST', '/api/packages'],
  ['GET', '/api/no-such-route'],
]

describe.each(ENGINES)('accounts and sessions on %s', (engine) => {
  let test: TestDatabase
  let h: Harness
  beforeAll(async () => { test = await openTestDatabase(engine) })
  afterAll(async () => { await test.close() })
  beforeEach(async () => {
    await test.reset()
    h = await startHarness(test, { loginRateLimit: { max: 1000, timeWindowMs: 60_000 } })
  })

  it('answers health without a session, naming the engine', async () => {
    const response = await h.call('GET', '/api/health')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ ok: true, db: engine })
  })

  it.each(PROTECTED)('%s %s without a session → 401 in Chinese', async (method, url) => {
    const response = await h.call(method, url, { body: method === 'GET' || method === 'DELETE' ? undefined : {} })
    expect(response.statusCode).toBe(401)
    expect(response.json()).toMatchObject({ error: 'UNAUTHENTICATED', message: '请先登录' })
  })

  it('refuses a forged or expired session cookie', async () => {
    expect((await h.call('GET', '/api/session', { cookie: 'bpm_session=forged' })).statusCode).toBe(401)
    const cookie = await h.bureau()
    expect((await h.call('GET', '/api/session', { cookie })).statusCode).toBe(200)
    h.clock.advanceSeconds(13 * 3600)
    expect((await h.call('GET', '/api/session', { cookie })).statusCode).toBe(401)
  })

  it('sets an HttpOnly SameSite=Strict session cookie and ends it on logout', async () => {
    await h.bureau()
    const response = await h.call('POST', '/api/session', { body: { login: 'ADMIN', password: 'admin-password' } })
    expect(response.statusCode).toBe(200)
    const setCookie = String(response.headers['set-cookie'])
    expect(setCookie).toMatch(/bpm_session=/)
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Strict/)
    expect(setCookie).not.toMatch(/Secure/)
    const cookie = `bpm_session=${response.cookies[0]!.value}`
    expect((await h.call('DELETE', '/api/session', { cookie })).statusCode).toBe(200)
    expect((await h.call('GET', '/api/session', { cookie })).statusCode).toBe(401)
  })

  it('marks the cookie Secure behind an https reverse proxy', async () => {
    const proxied = await startHarness(test, { trustProxy: true })
    await proxied.bureau()
    const response = await proxied.app.inject({
      method: 'POST', url: '/api/session', headers: { 'x-forwarded-proto': 'https' }, payload: { login: 'admin', password: 'admin-password' },
    })
    expect(String(response.headers['set-cookie'])).toMatch(/; Secure/)
  })

  it('says the same thing for a wrong password and an unknown login', async () => {
    await h.bureau()
    const wrong = await h.call('POST', '/api/session', { body: { login: 'admin', password: 'nope-nope' } })
    const unknown = await h.call('POST', '/api/session', { body: { login: 'nobody', password: 'nope-nope' } })
    expect(wrong.statusCode).toBe(401)
    expect(unknown.statusCode).toBe(401)
    expect(wrong.json().message).toBe('登录名或密码不正确。')
    expect(unknown.json().message).toBe(wrong.json().message)
  })

  it('slows repeated failed logins: after 5 failures even the right password waits, and the wait grows', async () => {
    await h.bureau()
    const attempt = (password: string) => h.call('POST', '/api/session', { body: { login: 'admin', password } })
    for (let i = 0; i < 4; i++) expect((await attempt('wrong-password')).statusCode).toBe(401)
    const fifth = await attempt('wrong-password')
    expect(fifth.statusCode).toBe(401)
    expect(fifth.headers['retry-after']).toBe('2')
    const blocked = await attempt('admin-password')
    expect(blocked.statusCode).toBe(429)
    expect(blocked.json().message).toBe('登录失败次数过多，请 2 秒后再试。')
    h.clock.advanceSeconds(2)
    expect((await attempt('wrong-password')).headers['retry-after']).toBe('4')
    h.clock.advanceSeconds(3)
    expect((await attempt('admin-password')).statusCode).toBe(429)
    h.clock.advanceSeconds(1)
    expect((await attempt('admin-password')).statusCode).toBe(200)
    // A success resets the count: the next failure is free again.
    expect((await attempt('wrong-password')).headers['retry-after']).toBeUndefined()
  })

  it('limits login attempts per client address', async () => {
    const limited = await startHarness(test, { loginRateLimit: { max: 3, timeWindowMs: 60_000 } })
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) {
      statuses.push((await limited.call('POST', '/api/session', { body: { login: `user${i}`, password: 'whatever1' } })).statusCode)
    }
    expect(statuses).toEqual([401, 401, 401, 429])
  })

  it('lets the bureau create a department with a generated password that logs in', async () => {
    const admin = await h.bureau()
    const response = await h.call('POST', '/api/departments', { cookie: admin, body: { code: '315002', name: '秦皇岛市北戴河区司法局', login: 'sfj' } })
    expect(response.statusCode).toBe(201)
    const { initialPassword } = response.json()
    expect(initialPassword).toMatch(/^[A-Za-z2-9]{14}$/)
    const cookie = await h.login('sfj', initialPassword)
    expect((await h.call('GET', '/api/session', { cookie })).json().account).toMatchObject({
      login: 'sfj', role: 'department', department: { code: '315002', name: '秦皇岛市北戴河区司法局' },
    })
    const listed = await h.call('GET', '/api/departments', { cookie: admin })
    expect(listed.json().departments).toMatchObject([{ code: '315002', login: 'sfj' }])
  })

  it.each([
    [{ code: '315002', name: '重复编码', login: 'other' }, 409, '部门编码“315002”已登记'],
    [{ code: '315003', name: '重复登录名', login: 'SFJ' }, 409, '登录名“SFJ”已被使用'],
    [{ code: '', name: '无编码', login: 'x1' }, 400, '{"path":"code","message":"请填写部门编码"}'],
    [{ code: '315004', name: '短密码', login: 'x2', password: 'short' }, 400, '密码至少 8 个字符'],
    [{ code: '315005', name: '名字', login: 'has space' }, 400, '登录名不能包含空格'],
  ])('refuses department %j → %i', async (body, status, message) => {
    const admin = await h.bureau()
    await h.call('POST', '/api/departments', { cookie: admin, body: { code: '315002', name: '司法局', login: 'sfj' } })
    const response = await h.call('POST', '/api/departments', { cookie: admin, body })
    expect(response.statusCode).toBe(status)
    expect(JSON.stringify(response.json())).toContain(message)
  })

  it('refuses bureau routes to a department account', async () => {
    const department = await h.department('315002')
    for (const [method, url] of [['GET', '/api/departments'], ['POST', '/api/departments'], ['GET', '/api/status?year=2026'], ['GET', '/api/rounds/2026/7/submissions']] as const) {
      const response = await h.call(method, url, { cookie: department, body: method === 'POST' ? { code: '1', name: 'x', login: 'y' } : undefined })
      expect(response.statusCode, `${method} ${url}`).toBe(403)
    }
  })

  it('changes a password and logs out other sessions', async () => {
    const first = await h.department('315002')
    const second = await h.login('d315002', 'd315002-password')
    const wrong = await h.call('PUT', '/api/session/password', { cookie: first, body: { currentPassword: 'bad-password', newPassword: 'new-password-1' } })
    expect(wrong.statusCode).toBe(403)
    const changed = await h.call('PUT', '/api/session/password', { cookie: first, body: { currentPassword: 'd315002-password', newPassword: 'new-password-1' } })
    expect(changed.statusCode).toBe(200)
    expect((await h.call('GET', '/api/session', { cookie: first })).statusCode).toBe(200)
    expect((await h.call('GET', '/api/session', { cookie: second })).statusCode).toBe(401)
    await h.login('d315002', 'new-password-1')
  })
})
