// The server: one Fastify instance serving the API under /api and the built app (dist/).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import fastifyCookie from '@fastify/cookie'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify'
import { accountForToken, hashToken } from './auth/login'
import { DEFAULT_PASSWORD_COST } from './auth/passwords'
import type { Database } from './db/database'
import type { AppContext } from './http/context'
import { type ErrorBody, HttpError } from './http/errors'
import { registerDepartmentRoutes } from './routes/departments'
import { registerRoundRoutes } from './routes/rounds'
import { registerSessionRoutes, SESSION_COOKIE } from './routes/session'
import { registerSubmissionRoutes } from './routes/submissions'

export interface AppOptions {
  readonly db: Database
  /** The clock; tests pass their own. */
  readonly now?: () => Date
  readonly passwordCost?: number
  readonly sessionHours?: number
  /** Largest accepted submission or package body, in bytes (other bodies: 64 KiB). */
  readonly submissionBodyLimit?: number
  /** Folder of the built app to serve, or null for the API alone. */
  readonly staticDir?: string | null
  /** Behind a reverse proxy: trust its X-Forwarded-* headers (client IP, https). */
  readonly trustProxy?: boolean
  /** Secure flag of the session cookie: 'auto' sets it when the request came over https. */
  readonly cookieSecure?: boolean | 'auto'
  /** Login attempts allowed per client IP in a time window. */
  readonly loginRateLimit?: { readonly max: number; readonly timeWindowMs: number }
  readonly logger?: boolean
}

export const DEFAULT_SUBMISSION_BODY_LIMIT = 16 * 1024 * 1024
const DEFAULT_BODY_LIMIT = 64 * 1024
/** Set on the app's pages, not secret: the app asks /api/health only when it sees it. */
export const SERVER_MARK_COOKIE = 'bpm_server'
/** Routes open without a session. */
const OPEN_ROUTES = new Set(['GET /api/health', 'POST /api/session'])

/** Builds the server (not yet listening). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const ctx: AppContext = {
    db: options.db,
    now: options.now ?? (() => new Date()),
    passwordCost: options.passwordCost ?? DEFAULT_PASSWORD_COST,
    sessionHours: options.sessionHours ?? 12,
    submissionBodyLimit: options.submissionBodyLimit ?? DEFAULT_SUBMISSION_BODY_LIMIT,
  }
  const app = Fastify({ logger: options.logger ?? false, trustProxy: options.trustProxy ?? false, bodyLimit: DEFAULT_BODY_LIMIT })

  await app.register(fastifyCookie)
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new HttpError(429, 'RATE_LIMITED', `请求过于频繁，请 ${Math.ceil(context.ttl / 1000)} 秒后再试。`),
  })
  app.decorateRequest('account', null)
  app.decorateRequest('sessionTokenHash', null)

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) {
      // Tells the app (readable by its script, unlike the session) that a server is there, so a
      // static copy of the app never asks a host without one for /api/health.
      void reply.setCookie(SERVER_MARK_COOKIE, '1', { path: '/', sameSite: 'strict', httpOnly: false, maxAge: 365 * 24 * 3600 })
      return
    }
    const token = request.cookies[SESSION_COOKIE]
    if (token) {
      request.account = await accountForToken(ctx.db, token, ctx.now())
      if (request.account) request.sessionTokenHash = hashToken(token)
    }
    const route = `${request.method} ${request.routeOptions.url ?? ''}`
    if (!request.account && !OPEN_ROUTES.has(route)) throw new HttpError(401, 'UNAUTHENTICATED', '请先登录')
  })
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff')
    reply.header('referrer-policy', 'same-origin')
    reply.header('x-frame-options', 'DENY')
    if (request.url.startsWith('/api/')) {
      reply.header('cache-control', 'no-store')
      reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'")
    }
  })
  app.setErrorHandler((error: FastifyError | HttpError, _request, reply) => {
    const { status, body, headers } = describeError(error, ctx.submissionBodyLimit)
    if (status >= 500) app.log.error(error)
    void reply.code(status).headers(headers ?? {}).send(body)
  })

  app.get('/api/health', async () => ({ ok: true, db: ctx.db.kind }))
  registerSessionRoutes(app, ctx, {
    loginRateLimit: options.loginRateLimit ?? { max: 30, timeWindowMs: 60_000 },
    cookieSecure: options.cookieSecure ?? 'auto',
  })
  registerDepartmentRoutes(app, ctx)
  registerSubmissionRoutes(app, ctx)
  registerRoundRoutes(app, ctx)

  const staticDir = options.staticDir ?? null
  const hasApp = staticDir !== null && existsSync(join(staticDir, 'index.html'))
  if (hasApp) await app.register(fastifyStatic, { root: staticDir, wildcard: true })
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply.code(404).send({ error: 'NOT_FOUND', message: `没有这个接口：${request.method} ${request.url.split('?')[0]}` })
    }
    // The app routes in the browser (history mode): any other page gets index.html.
    if (hasApp) return reply.type('text/html').sendFile('index.html')
    return reply.code(404).type('text/plain; charset=utf-8').send('尚未构建前端：请先运行 npm run build。')
  })
  return app
}

function describeError(error: FastifyError | HttpError, bodyLimit: number): { status: number; body: ErrorBody; headers?: Readonly<Record<string, string>> } {
  if (error instanceof HttpError) {
    return { status: error.statusCode, body: { error: error.code, message: error.message, problems: error.problems }, headers: error.headers }
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: { error: 'TOO_LARGE', message: `请求内容过大，超过了 ${formatBytes(bodyLimit)} 的上限（其他请求上限 ${formatBytes(DEFAULT_BODY_LIMIT)}）。` } }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, body: { error: 'UNSUPPORTED_MEDIA_TYPE', message: '请以 JSON 格式提交（Content-Type: application/json）。' } }
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: { error: 'INVALID', message: '请求内容为空。' } }
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, body: { error: 'INVALID_JSON', message: '请求内容不是有效的 JSON。' } }
  }
  if (error.statusCode === 400 && error instanceof SyntaxError) {
    return { status: 400, body: { error: 'INVALID_JSON', message: '请求内容不是有效的 JSON。' } }
  }
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500
  return { status, body: { error: status === 500 ? 'INTERNAL' : 'BAD_REQUEST', message: status === 500 ? '服务器内部错误，请稍后再试或联系管理员。' : '请求无法处理。' } }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`
}
