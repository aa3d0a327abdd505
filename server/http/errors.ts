import type { SchemaProblem } from '../../src/schema/submission'

/** An error the API answers with its status, a stable code and a Chinese message for the user. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly problems?: readonly SchemaProblem[],
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message)
  }
}

export const unauthenticated = () => new HttpError(401, 'UNAUTHENTICATED', '请先登录')
export const forbidden = (message = '无权访问其他部门的数据') => new HttpError(403, 'FORBIDDEN', message)
export const notFound = (message: string) => new HttpError(404, 'NOT_FOUND', message)
export const conflict = (code: string, message: string) => new HttpError(409, code, message)
export const invalid = (message: string, problems?: readonly SchemaProblem[]) => new HttpError(400, 'INVALID', message, problems)

/** The JSON body every error response has. */
export interface ErrorBody {
  readonly error: string
  readonly message: string
  readonly problems?: readonly SchemaProblem[]
}
