import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp, SERVER_MARK_COOKIE } from '../../server/app'
import { openTestDatabase, TEST_PASSWORD_COST, type TestDatabase } from './support'

// The app learns that a server is there from a cookie set with its pages: a static copy (no
// server) then never requests /api/health, which such a host would answer 404.
describe('serving the app', () => {
  let test: TestDatabase
  let app: FastifyInstance
  let dir: string
  beforeAll(async () => {
    test = await openTestDatabase('pglite')
    dir = await mkdtemp(join(tmpdir(), 'bpm-dist-'))
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>预算绩效监控</title>')
    app = await buildApp({ db: test.db, staticDir: dir, passwordCost: TEST_PASSWORD_COST })
  })
  afterAll(async () => {
    await app.close()
    await test.close()
    await rm(dir, { recursive: true, force: true })
  })

  it.each(['/', '/index.html', '/some/app/route'])('marks %s with the script-readable server cookie', async (url) => {
    const response = await app.inject({ method: 'GET', url })
    expect(response.statusCode).toBe(200)
    const mark = response.cookies.find((c) => c.name === SERVER_MARK_COOKIE)
    expect(mark).toMatchObject({ value: '1', path: '/', sameSite: 'Strict' })
    expect(mark?.httpOnly).toBeUndefined()
  })

  it('does not set it on API answers', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' })
    expect(response.cookies.find((c) => c.name === SERVER_MARK_COOKIE)).toBeUndefined()
  })
})
