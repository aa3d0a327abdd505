import type { FastifyInstance } from 'fastify'
import { logIn } from '../auth/login'
import { checkNewPassword, hashPassword, verifyPassword } from '../auth/passwords'
import { LoginBody, parseOr400, PasswordChangeBody } from '../http/bodies'
import { type AppContext, requireAccount } from '../http/context'
import { HttpError, invalid } from '../http/errors'
import { findAccountById, updatePasswordHash } from '../repositories/accounts'
import { deleteOtherSessions, deleteSession } from '../repositories/sessions'

export const SESSION_COOKIE = 'bpm_session'

/** Login, logout, who am I, change my password. */
export function registerSessionRoutes(app: FastifyInstance, ctx: AppContext, options: { loginRateLimit: { max: number; timeWindowMs: number }; cookieSecure: boolean | 'auto' }): void {
  app.post('/api/session', {
    config: { rateLimit: { max: options.loginRateLimit.max, timeWindow: options.loginRateLimit.timeWindowMs } },
  }, async (request, reply) => {
    const body = parseOr400(LoginBody, request.body, '请提交登录名和密码')
    const { account, token, expiresAt } = await logIn(ctx.db, body.login, body.password, { now: ctx.now(), passwordCost: ctx.passwordCost, sessionHours: ctx.sessionHours })
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      expires: expiresAt,
      secure: options.cookieSecure === 'auto' ? request.protocol === 'https' : options.cookieSecure,
    })
    return { account }
  })

  app.get('/api/session', async (request) => ({ account: requireAccount(request) }))

  app.delete('/api/session', async (request, reply) => {
    requireAccount(request)
    if (request.sessionTokenHash) await deleteSession(ctx.db, request.sessionTokenHash)
    reply.clearCookie(SESSION_COOKIE, { path: '/' })
    return { ok: true }
  })

  app.put('/api/session/password', async (request) => {
    const account = requireAccount(request)
    const body = parseOr400(PasswordChangeBody, request.body)
    const stored = await findAccountById(ctx.db, account.id)
    if (!stored || !(await verifyPassword(body.currentPassword, stored.passwordHash))) {
      throw new HttpError(403, 'WRONG_PASSWORD', '当前密码不正确')
    }
    const problem = checkNewPassword(body.newPassword)
    if (problem) throw invalid(problem, [{ path: 'newPassword', message: problem }])
    await updatePasswordHash(ctx.db, account.id, await hashPassword(body.newPassword, ctx.passwordCost))
    // Other browsers logged in with the old password are logged out.
    await deleteOtherSessions(ctx.db, account.id, request.sessionTokenHash ?? '')
    return { ok: true }
  })
}
