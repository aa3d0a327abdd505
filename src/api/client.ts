// The app's client of the 财政局 server's API, same origin (/api/...). Every failure becomes an
// ApiError with a Chinese message for the user; a 401 also tells the app to show the login page.
import type {
  Account, Inquiry, RegisteredDepartment, RoundHistory, StatusListing, Submission, SubmissionSummary,
} from './types'

/** A refused or failed API call; `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: readonly { readonly path: string; readonly message: string }[] = [],
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** True when the server was not reached (offline, no server): worth trying again later. */
  get isUnreachable(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504
  }
}

export const UNREACHABLE_MESSAGE = '未连接财政局服务器：请检查网络，或稍后再试。'

/** Messages for answers the server gives without a message of its own. */
const STATUS_MESSAGES: Readonly<Record<number, string>> = {
  401: '请先登录',
  403: '没有权限进行此操作',
  404: '没有找到要访问的内容',
  413: '内容过大，服务器拒收',
  429: '请求过于频繁，请稍后再试',
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>

export interface ApiClientOptions {
  readonly fetch?: FetchLike
  /** Called on every 401 (the session ended or never began), e.g. to show the login page. */
  readonly onUnauthenticated?: () => void
}

/** Makes a client over `fetch` (the browser's by default). */
export function createApiClient(options: ApiClientOptions = {}) {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init))

  async function call<T>(method: string, path: string, body?: unknown, raw?: string): Promise<T> {
    const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } }
    if (raw !== undefined) {
      init.body = raw
      init.headers = { ...init.headers, 'content-type': 'text/plain; charset=utf-8' }
    } else if (body !== undefined) {
      init.body = JSON.stringify(body)
      init.headers = { ...init.headers, 'content-type': 'application/json' }
    }
    let response: Response
    try {
      response = await doFetch(path, init)
    } catch {
      throw new ApiError(0, 'UNREACHABLE', UNREACHABLE_MESSAGE)
    }
    const payload = await readJson(response)
    if (response.ok) {
      if (payload === undefined) throw new ApiError(0, 'NOT_A_SERVER', UNREACHABLE_MESSAGE)
      return payload as T
    }
    if (response.status === 401) options.onUnauthenticated?.()
    throw toApiError(response.status, payload)
  }

  return {
    /** True when a 财政局 server answers /api/health (not the static app's index.html). */
    async isServerReachable(): Promise<boolean> {
      try {
        const health = await call<{ ok?: unknown }>('GET', '/api/health')
        return health.ok === true
      } catch {
        return false
      }
    },
    /** The logged-in account, or null when nobody is logged in. */
    async currentAccount(): Promise<Account | null> {
      try {
        return (await call<{ account: Account }>('GET', '/api/session')).account
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null
        throw error
      }
    },
    logIn: async (login: string, password: string) => (await call<{ account: Account }>('POST', '/api/session', { login, password })).account,
    logOut: async () => { await call('DELETE', '/api/session') },
    submit: async (document: unknown) => (await call<{ submission: SubmissionSummary }>('POST', '/api/submissions', document)).submission,
    listSubmissions: async (query: { year?: number; month?: number; department?: string } = {}) =>
      (await call<{ submissions: SubmissionSummary[] }>('GET', `/api/submissions${queryString(query)}`)).submissions,
    getSubmission: async (id: number) => (await call<{ submission: Submission }>('GET', `/api/submissions/${id}`)).submission,
    round: (code: string, year: number, month: number) =>
      call<RoundHistory>('GET', `/api/departments/${encodeURIComponent(code)}/rounds/${year}/${month}`),
    approve: async (id: number) => (await call<{ submission: SubmissionSummary }>('POST', `/api/submissions/${id}/approve`, {})).submission,
    returnSubmission: async (id: number, reason: string) =>
      (await call<{ submission: SubmissionSummary }>('POST', `/api/submissions/${id}/return`, { reason })).submission,
    ask: async (id: number, target: { projectId: string; indicatorId: string | null }, question: string) =>
      (await call<{ inquiry: Inquiry }>('POST', `/api/submissions/${id}/inquiries`, { ...target, question })).inquiry,
    answer: async (inquiryId: number, answer: string) => (await call<{ inquiry: Inquiry }>('POST', `/api/inquiries/${inquiryId}/answer`, { answer })).inquiry,
    closeInquiry: async (inquiryId: number, note: string | null) =>
      (await call<{ inquiry: Inquiry }>('POST', `/api/inquiries/${inquiryId}/close`, note ? { note } : {})).inquiry,
    /** The latest revision of every department's submission of a round, with its content (bureau only). */
    roundSubmissions: async (year: number, month: number) =>
      (await call<{ submissions: Submission[] }>('GET', `/api/rounds/${year}/${month}/submissions`)).submissions,
    status: (year: number) => call<StatusListing>('GET', `/api/status?year=${year}`),
    setDeadline: async (year: number, month: number, deadline: string) => {
      await call('PUT', `/api/rounds/${year}/${month}/deadline`, { deadline })
    },
    departments: async () => (await call<{ departments: RegisteredDepartment[] }>('GET', '/api/departments')).departments,
    createDepartment: (input: { code: string; name: string; login: string }) =>
      call<{ department: RegisteredDepartment; initialPassword?: string }>('POST', '/api/departments', input),
    /** Uploads an offline package file's exact text (its checksum covers every byte). */
    uploadPackage: async (fileText: string) => (await call<{ submission: SubmissionSummary }>('POST', '/api/packages', undefined, fileText)).submission,
  }
}

export type ApiClient = ReturnType<typeof createApiClient>

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? ''
  if (!type.includes('application/json')) return undefined
  try {
    return await response.json()
  } catch {
    return undefined
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  const body = (typeof payload === 'object' && payload !== null ? payload : {}) as { error?: unknown; message?: unknown; problems?: unknown }
  const code = typeof body.error === 'string' ? body.error : `HTTP_${status}`
  // A proxy's error page (no JSON) in front of a stopped server reads as "not reachable".
  if (body.message === undefined && status >= 502 && status <= 504) return new ApiError(status, 'UNREACHABLE', UNREACHABLE_MESSAGE)
  const message = typeof body.message === 'string' ? body.message : STATUS_MESSAGES[status] ?? `服务器出错（${status}），请稍后再试或联系管理员。`
  const problems = Array.isArray(body.problems)
    ? body.problems.filter((p): p is { path: string; message: string } => typeof p?.path === 'string' && typeof p?.message === 'string')
    : []
  return new ApiError(status, code, message, problems)
}

function queryString(query: Readonly<Record<string, string | number | undefined>>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value))
  const text = params.toString()
  return text === '' ? '' : `?${text}`
}

/** The message to show for any error of an API call. */
export function describeApiError(error: unknown): string {
  if (error instanceof ApiError) {
    const details = error.problems.slice(0, 3).map((p) => (p.path ? `${p.path}：${p.message}` : p.message))
    return details.length > 0 ? `${error.message}（${details.join('；')}）` : error.message
  }
  return error instanceof Error ? error.message : String(error)
}
