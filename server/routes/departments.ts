import type { FastifyInstance } from 'fastify'
import { createDepartment } from '../auth/accounts'
import { NewDepartmentBody, parseOr400 } from '../http/bodies'
import { type AppContext, requireBureau } from '../http/context'
import { listDepartments } from '../repositories/accounts'

/** The bureau lists departments and creates a department with its login. */
export function registerDepartmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/departments', async (request) => {
    requireBureau(request)
    return { departments: await listDepartments(ctx.db) }
  })

  app.post('/api/departments', async (request, reply) => {
    requireBureau(request)
    const body = parseOr400(NewDepartmentBody, request.body, '部门信息不完整')
    const created = await createDepartment(ctx.db, body, ctx.passwordCost)
    reply.code(201)
    return {
      department: { id: created.id, code: body.code, name: body.name, login: body.login },
      // Shown once to the administrator to hand over; only its hash is kept.
      initialPassword: created.isGenerated ? created.password : undefined,
    }
  })
}
