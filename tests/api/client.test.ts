import { describe, expect, it, vi } from 'vitest'
import { ApiError, createApiClient, describeApiError, UNREACHABLE_MESSAGE, type FetchLike } from '@/api/client'

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } })

/** A fake fetch answering from a table of "METHOD /path" → response, recording the calls. */
function fakeFetch(answers: Record<string, () => Response | Promise<Response>>) {
  const calls: { method: string; url: string; body: unknown; headers: Record<string, string> }[] = []
  const fetch: FetchLike = async (url, init) => {
    const method = init?.method ?? 'GET'
    calls.push({ method, url, body: typeof init?.body === 'string' ? init.body : undefined, headers: (init?.headers ?? {}) as Record<string, string> })
    const answer = answers[`${method} ${url}`]
    if (!answer) throw new TypeError('Failed to fetch')
    return answer()
  }
  return { fetch, calls }
}

describe('api client', () => {
  it('knows a server from the static build: health JSON yes, index.html or nothing no', async () => {
    const server = createApiClient({ fetch: fakeFetch({ 'GET /api/health': () => json(200, { ok: true, db: 'pglite' }) }).fetch })
    const staticBuild = createApiClient({ fetch: fakeFetch({ 'GET /api/health': () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }) }).fetch })
    const nothing = createApiClient({ fetch: fakeFetch({}).fetch })
    expect(await server.isServerReachable()).toBe(true)
    expect(await staticBuild.isServerReachable()).toBe(false)
    expect(await nothing.isServerReachable()).toBe(false)
  })

  it('sends JSON with the session cookie of the same origin and reads the answer', async () => {
    const { fetch, calls } = fakeFetch({ 'POST /api/session': () => json(200, { account: { id: 1, login: 'sfj', role: 'department', department: { id: 3, code: '315002', name: '司法局' } } }) })
    const account = await createApiClient({ fetch }).logIn('sfj', 'secret-123')
    expect(account.department?.code).toBe('315002')
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/api/session', body: JSON.stringify({ login: 'sfj', password: 'secret-123' }) })
    expect(calls[0]?.headers['content-type']).toBe('application/json')
  })

  it.each([
    ['a refusal with the server message and field paths', () => json(400, { error: 'INVALID', message: '报送内容不符合格式要求', problems: [{ path: 'content.projects[0].id', message: '编号不能为空' }] }), 400, '报送内容不符合格式要求（content.projects[0].id：编号不能为空）'],
    ['a conflict of the workflow', () => json(409, { error: 'ROUND_APPROVED', message: '本月报送（第 1 版）已审核通过，不能再次报送。' }), 409, '本月报送（第 1 版）已审核通过，不能再次报送。'],
    ['403 without a message', () => new Response('', { status: 403 }), 403, '没有权限进行此操作'],
    ['413 from a proxy', () => new Response('too big', { status: 413, headers: { 'content-type': 'text/html' } }), 413, '内容过大，服务器拒收'],
    ['a proxy in front of a stopped server', () => new Response('Bad Gateway', { status: 502, headers: { 'content-type': 'text/html' } }), 502, UNREACHABLE_MESSAGE],
    ['an unexpected 500', () => new Response('', { status: 500 }), 500, '服务器出错（500），请稍后再试或联系管理员。'],
  ])('maps %s to a Chinese message', async (_, answer, status, message) => {
    const client = createApiClient({ fetch: fakeFetch({ 'POST /api/submissions': answer }).fetch })
    const error = await client.submit({}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(status)
    expect(describeApiError(error)).toBe(message)
  })

  it('reports a network failure as 未连接财政局服务器, worth retrying', async () => {
    const error = (await createApiClient({ fetch: fakeFetch({}).fetch }).submit({}).catch((e: unknown) => e)) as ApiError
    expect(error.message).toBe(UNREACHABLE_MESSAGE)
    expect(error.isUnreachable).toBe(true)
  })

  it('tells the app on a 401 (to show the login page), and currentAccount is then null', async () => {
    const onUnauthenticated = vi.fn()
    const client = createApiClient({ onUnauthenticated, fetch: fakeFetch({
      'GET /api/session': () => json(401, { error: 'UNAUTHENTICATED', message: '请先登录' }),
      'GET /api/status?year=2020': () => json(401, { error: 'UNAUTHENTICATED', message: '请先登录' }),
    }).fetch })
    expect(await client.currentAccount()).toBeNull()
    await expect(client.status(2020)).rejects.toThrow('请先登录')
    expect(onUnauthenticated).toHaveBeenCalledTimes(2)
  })

  it('uploads a package as its exact text, not re-encoded JSON', async () => {
    const { fetch, calls } = fakeFetch({ 'POST /api/packages': () => json(201, { submission: { id: 5, revision: 1 } }) })
    const text = '{"kind":"预算绩效监控报送文件" }'
    await createApiClient({ fetch }).uploadPackage(text)
    expect(calls[0]?.body).toBe(text)
    expect(calls[0]?.headers['content-type']).toBe('text/plain; charset=utf-8')
  })
})
