import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openTestDatabase, roundDocument, startHarness, useLoggedInServer, type Harness, type TestDatabase } from './support'

const PAYLOADS = [
  "'); DROP TABLE submissions; --",
  '<script>alert(document.cookie)</script>',
  "315002' OR '1'='1",
  '"; DELETE FROM accounts WHERE ""="',
  '<img src=x onerror=alert(1)>\\x00%00$1',
]

describe.each(ENGINES)('bad input and attacks on %s', (engine) => {
  let test: TestDatabase
  let h: Harness
  let bureau: string
  let department: string
  useLoggedInServer(engine, { submissionBodyLimit: 256 * 1024 }, (server) => ({ test, h, bureau, department } = server))

  it.each([
    ['formatVersion', { formatVersion: 3 }, '不支持的报送格式版本 3（支持：1、2）'],
    ['department.code', { department: { code: '', name: '司法局' } }, '部门编码不能为空'],
    ['department.name', { department: { code: '315002' } }, '缺少字段 name'],
    ['year', { year: '2026' }, '年度应为数字'],
    ['month', { month: 13 }, '月份应为 1 至 12 的整数'],
    ['reportedAt', { reportedAt: '8月5日' }, '报送时间应为 ISO 8601 格式，例如 2026-08-05T10:30:00+08:00'],
    ['content', { content: [1, 2] }, '报送内容应为对象'],
    ['content.projects[1].id', { content: { projects: [{ id: 'a' }, { id: 7 }] } }, '编号应为文字'],
    ['content.projects[0].indicators', { content: { projects: [{ id: 'a', indicators: 'none' }] } }, '指标列表应为数组'],
    ['content.projects[1]', { content: { projects: [{ id: 'a' }, { id: 'a' }] } }, '项目编号“a”重复'],
    ['extra', { extra: true }, '不认识的字段 extra'],
  ])('a submission failing the schema at %s → 400 with the path, in Chinese', async (path, overrides, message) => {
    const response = await h.call('POST', '/api/submissions', { cookie: department, body: roundDocument('315002', 2026, 7, overrides) })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({ error: 'INVALID', message: '报送内容不符合格式要求' })
    expect(response.json().problems).toContainEqual({ path, message })
  })

  it('refuses a body that is not JSON', async () => {
    const response = await h.app.inject({ method: 'POST', url: '/api/submissions', headers: { cookie: department, 'content-type': 'application/json' }, payload: '{"formatVersion": 1,' })
    expect(response.statusCode).toBe(400)
    expect(response.json().message).toBe('请求内容不是有效的 JSON。')
  })

  it('refuses a form post (no JSON) with 415', async () => {
    const response = await h.app.inject({ method: 'POST', url: '/api/submissions', headers: { cookie: department, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=1' })
    expect(response.statusCode).toBe(415)
  })

  it.each([
    ['a submission over the submission limit', '/api/submissions', 300 * 1024],
    ['a package over the submission limit', '/api/packages', 300 * 1024],
    ['a login body over 64 KiB', '/api/session', 80 * 1024],
  ])('refuses %s with 413', async (_name, url, size) => {
    const big = roundDocument('315002', 2026, 7, { content: { filler: 'x'.repeat(size) } })
    const response = await h.app.inject({ method: 'POST', url, headers: { cookie: url === '/api/packages' ? bureau : department, 'content-type': 'application/json' }, payload: JSON.stringify(big) })
    expect(response.statusCode).toBe(413)
    expect(response.json().message).toMatch(/^请求内容过大/)
  })

  it('stores SQL metacharacters and script payloads in every text field as text', async () => {
    for (const [index, payload] of PAYLOADS.entries()) {
      const code = `${index}${payload.slice(0, 30).trim()}`
      const created = await h.call('POST', '/api/departments', {
        cookie: bureau, body: { code, name: payload, login: `u${index}${payload.replace(/\s/g, '')}`, password: `${payload}-pw` },
      })
      expect(created.statusCode, payload).toBe(201)
      const cookie = await h.login(`u${index}${payload.replace(/\s/g, '')}`, `${payload}-pw`)
      const document = {
        formatVersion: 1, department: { code, name: payload }, year: 2026, month: 7, reportedAt: '2026-08-05T10:30:00+08:00',
        content: { note: payload, projects: [{ id: payload, name: payload, indicators: [{ id: payload, name: payload }] }] },
      }
      const submitted = await h.call('POST', '/api/submissions', { cookie, body: document })
      expect(submitted.statusCode, payload).toBe(201)
      const id = submitted.json().submission.id
      const asked = await h.call('POST', `/api/submissions/${id}/inquiries`, { cookie: bureau, body: { projectId: payload, indicatorId: payload, question: payload } })
      expect(asked.statusCode, payload).toBe(201)
      await h.call('POST', `/api/inquiries/${asked.json().inquiry.id}/answer`, { cookie, body: { answer: payload } })
      await h.call('POST', `/api/inquiries/${asked.json().inquiry.id}/close`, { cookie: bureau, body: { note: payload } })
      const returned = await h.call('POST', `/api/submissions/${id}/return`, { cookie: bureau, body: { reason: payload } })
      expect(returned.statusCode, payload).toBe(200)

      const read = await h.call('GET', `/api/submissions/${id}`, { cookie })
      expect(read.headers['content-type']).toMatch(/^application\/json/)
      expect(read.json().submission).toMatchObject({ department: { code, name: payload }, content: document.content })
      const round = await h.call('GET', `/api/departments/${encodeURIComponent(code)}/rounds/2026/7`, { cookie })
      expect(round.statusCode, payload).toBe(200)
      expect(round.json().inquiries[0]).toMatchObject({ question: payload, answer: payload, closeNote: payload, target: { projectId: payload, indicatorId: payload } })
      expect(round.json().actions.find((a: { action: string }) => a.action === 'return').note).toBe(payload)
    }
    // Nothing was dropped or deleted along the way.
    const counts = await test.db.query<{ n: number }>('SELECT count(*)::integer AS n FROM submissions')
    expect(counts[0]!.n).toBe(PAYLOADS.length)
    const accounts = await test.db.query<{ n: number }>('SELECT count(*)::integer AS n FROM accounts')
    expect(accounts[0]!.n).toBe(PAYLOADS.length + 2)
  })

  it('logs in with a payload as the login without matching another account', async () => {
    const response = await h.call('POST', '/api/session', { body: { login: "admin' --", password: 'anything' } })
    expect(response.statusCode).toBe(401)
  })
})

describe('serving the app', () => {
  let test: TestDatabase
  let dir: string
  beforeAll(async () => {
    test = await openTestDatabase('pglite')
    dir = mkdtempSync(join(tmpdir(), 'bpm-dist-'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>预算绩效监控</title>')
    writeFileSync(join(dir, 'app.js'), 'console.log(1)')
  })
  afterAll(async () => {
    await test.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('serves the built files, index.html for app routes, and JSON 404 under /api', async () => {
    const h = await startHarness(test, { staticDir: dir })
    const page = await h.call('GET', '/overview/2026')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('预算绩效监控')
    expect((await h.call('GET', '/app.js')).body).toBe('console.log(1)')
    const cookie = await h.bureau()
    const missing = await h.call('GET', '/api/nothing', { cookie })
    expect(missing.statusCode).toBe(404)
    expect(missing.json().message).toBe('没有这个接口：GET /api/nothing')
  })

  it('says to build the app when dist/ is missing', async () => {
    const h = await startHarness(test, { staticDir: join(dir, 'absent') })
    const page = await h.call('GET', '/')
    expect(page.statusCode).toBe(404)
    expect(page.body).toContain('npm run build')
  })
})
