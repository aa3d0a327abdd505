import { beforeEach, describe, expect, it } from 'vitest'
import { createApiClient, type FetchLike } from '@/api/client'
import { account, presence, refreshSession } from '@/api/session'

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
const ACCOUNT = { id: 2, login: 'sfj', role: 'department', department: { id: 1, code: '315002', name: '司法局' } }

function client(answers: Record<string, () => Response>) {
  const urls: string[] = []
  const fetch: FetchLike = async (url) => {
    urls.push(url)
    const answer = answers[url]
    if (!answer) throw new TypeError('Failed to fetch')
    return answer()
  }
  return { api: createApiClient({ fetch }), urls }
}

beforeEach(() => {
  presence.value = 'checking'
  account.value = null
})

describe('refreshSession', () => {
  it('asks nothing when the page did not come from a server (npm run dev, a static copy)', async () => {
    const { api, urls } = client({})
    await refreshSession(api, () => false)
    expect(presence.value).toBe('absent')
    expect(urls).toEqual([])
  })

  it.each([
    ['the server is down', {}, 'absent', null],
    ['a host answering /api/health with the app page', { '/api/health': () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }) }, 'absent', null],
    ['nobody logged in', { '/api/health': () => json(200, { ok: true, db: 'pglite' }), '/api/session': () => json(401, { error: 'UNAUTHENTICATED', message: '请先登录' }) }, 'present', null],
    ['a department logged in', { '/api/health': () => json(200, { ok: true, db: 'pglite' }), '/api/session': () => json(200, { account: ACCOUNT }) }, 'present', ACCOUNT],
  ])('with %s', async (_, answers, expectedPresence, expectedAccount) => {
    await refreshSession(client(answers as Record<string, () => Response>).api, () => true)
    expect(presence.value).toBe(expectedPresence)
    expect(account.value).toEqual(expectedAccount)
  })
})
