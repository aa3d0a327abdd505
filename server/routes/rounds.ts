import type { FastifyInstance } from 'fastify'
import { readSubmissionPackage } from '../../src/schema/submission'
import { DeadlineBody, parseOr400, RoundParams, YearQuery } from '../http/bodies'
import { type AppContext, requireAccount, requireBureau } from '../http/context'
import { HttpError, invalid } from '../http/errors'
import { findDepartmentByCode } from '../repositories/accounts'
import { listDeadlines, upsertDeadline } from '../repositories/rounds'
import { listLatestForRound } from '../repositories/submissions'
import { submitRound } from '../review/service'
import { buildStatusListing } from '../review/status'

/** Deadlines, the 报送情况 listing, pulling a round, and offline package upload. */
export function registerRoundRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/rounds', async (request) => {
    requireAccount(request)
    const { year } = parseOr400(YearQuery, request.query, '请指定年度')
    return { rounds: await listDeadlines(ctx.db, year) }
  })

  app.put('/api/rounds/:year/:month/deadline', async (request) => {
    const account = requireBureau(request)
    const { year, month } = parseOr400(RoundParams, request.params)
    const { deadline } = parseOr400(DeadlineBody, request.body, '截止日期不正确')
    await upsertDeadline(ctx.db, year, month, deadline, account.id, ctx.now())
    return { rounds: await listDeadlines(ctx.db, year) }
  })

  app.get('/api/status', async (request) => {
    requireBureau(request)
    const { year } = parseOr400(YearQuery, request.query, '请指定年度')
    return buildStatusListing(ctx.db, year, ctx.now())
  })

  app.get('/api/rounds/:year/:month/submissions', async (request) => {
    requireBureau(request)
    const { year, month } = parseOr400(RoundParams, request.params)
    return { submissions: await listLatestForRound(ctx.db, year, month) }
  })

  // The package is read as the exact text of the file, so its checksum covers every byte.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser(['application/json', 'application/octet-stream', 'text/plain'], { parseAs: 'string' },
      (_request, body, done) => done(null, body))
    scope.post('/api/packages', { bodyLimit: ctx.submissionBodyLimit }, async (request, reply) => {
      const account = requireBureau(request)
      if (typeof request.body !== 'string' || request.body === '') throw invalid('请上传报送文件')
      const read = await readSubmissionPackage(request.body)
      if (!read.ok) throw new HttpError(400, 'PACKAGE_INVALID', read.message, read.problems)
      const department = await findDepartmentByCode(ctx.db, read.submission.department.code)
      if (!department) {
        throw new HttpError(400, 'PACKAGE_UNKNOWN_DEPARTMENT', `报送文件的部门编码“${read.submission.department.code}”（${read.submission.department.name}）尚未在本系统登记，请先添加该部门。`)
      }
      const submission = await submitRound(ctx.db, account, { document: read.submission, department, sha256: read.sha256, source: 'package' }, ctx.now())
      reply.code(201)
      return { submission }
    })
  })
}
