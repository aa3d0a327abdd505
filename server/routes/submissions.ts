import type { FastifyInstance } from 'fastify'
import { parseSubmission } from '../../src/schema/submission'
import {
  AnswerBody, CloseBody, DepartmentRoundParams, IdParams, InquiryBody, parseOr400, ReturnBody, SubmissionQuery,
} from '../http/bodies'
import { type AppContext, requireAccount, requireBureau, requireDepartment } from '../http/context'
import { forbidden, invalid, notFound } from '../http/errors'
import { findDepartmentByCode } from '../repositories/accounts'
import { findInquiry } from '../repositories/inquiries'
import { listSubmissions } from '../repositories/submissions'
import { askInquiry, getRound, getSubmission, progressInquiry, reviewSubmission, submitRound } from '../review/service'

/** 报送 by a department; 审核通过 / 退回 / 问询 by the bureau; answers; a round's history. */
export function registerSubmissionRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/submissions', { bodyLimit: ctx.submissionBodyLimit }, async (request, reply) => {
    const account = requireDepartment(request)
    const parsed = parseSubmission(request.body)
    if (!parsed.ok) throw invalid('报送内容不符合格式要求', parsed.problems)
    const document = parsed.value
    if (document.department.code !== account.department.code) {
      throw forbidden(`报送内容中的部门编码“${document.department.code}”与当前登录的部门“${account.department.code}”不一致，不能替其他部门报送`)
    }
    const submission = await submitRound(ctx.db, account, { document, department: account.department, sha256: null, source: 'online' }, ctx.now())
    reply.code(201)
    return { submission }
  })

  app.get('/api/submissions', async (request) => {
    const account = requireAccount(request)
    const query = parseOr400(SubmissionQuery, request.query, '查询条件不正确')
    let departmentId: number | undefined
    if (account.role === 'department') {
      if (query.department !== undefined && query.department !== account.department?.code) throw forbidden()
      departmentId = account.department?.id
    } else if (query.department !== undefined) {
      const department = await findDepartmentByCode(ctx.db, query.department)
      if (!department) throw notFound(`没有编码为“${query.department}”的部门`)
      departmentId = department.id
    }
    return { submissions: await listSubmissions(ctx.db, { departmentId, year: query.year, month: query.month }) }
  })

  app.get('/api/submissions/:id', async (request) => {
    const { id } = parseOr400(IdParams, request.params)
    return { submission: await getSubmission(ctx.db, requireAccount(request), id) }
  })

  app.post('/api/submissions/:id/approve', async (request) => {
    const account = requireBureau(request)
    const { id } = parseOr400(IdParams, request.params)
    return { submission: (await reviewSubmission(ctx.db, account, id, 'approve', null, ctx.now())) }
  })

  app.post('/api/submissions/:id/return', async (request) => {
    const account = requireBureau(request)
    const { id } = parseOr400(IdParams, request.params)
    const { reason } = parseOr400(ReturnBody, request.body, '请填写退回原因')
    return { submission: (await reviewSubmission(ctx.db, account, id, 'return', reason, ctx.now())) }
  })

  app.post('/api/submissions/:id/inquiries', async (request, reply) => {
    const account = requireBureau(request)
    const { id } = parseOr400(IdParams, request.params)
    const body = parseOr400(InquiryBody, request.body, '问询内容不完整')
    const inquiryId = await askInquiry(ctx.db, account, id, { projectId: body.projectId, indicatorId: body.indicatorId ?? null }, body.question, ctx.now())
    reply.code(201)
    return { inquiry: await findInquiry(ctx.db, inquiryId) }
  })

  app.post('/api/inquiries/:id/answer', async (request) => {
    const account = requireDepartment(request)
    const { id } = parseOr400(IdParams, request.params)
    const { answer } = parseOr400(AnswerBody, request.body, '请填写答复')
    await progressInquiry(ctx.db, account, id, 'answer', answer, ctx.now())
    return { inquiry: await findInquiry(ctx.db, id) }
  })

  app.post('/api/inquiries/:id/close', async (request) => {
    const account = requireBureau(request)
    const { id } = parseOr400(IdParams, request.params)
    const body = parseOr400(CloseBody, request.body ?? undefined)
    await progressInquiry(ctx.db, account, id, 'close', body?.note ?? null, ctx.now())
    return { inquiry: await findInquiry(ctx.db, id) }
  })

  app.get('/api/departments/:code/rounds/:year/:month', async (request) => {
    const account = requireAccount(request)
    const params = parseOr400(DepartmentRoundParams, request.params)
    // A department learns nothing about other departments, not even whether a code exists.
    if (account.role === 'department' && account.department?.code !== params.code) throw forbidden()
    const department = await findDepartmentByCode(ctx.db, params.code)
    if (!department) throw notFound(`没有编码为“${params.code}”的部门`)
    return { department, ...(await getRound(ctx.db, account, department.id, params.year, params.month)) }
  })
}
