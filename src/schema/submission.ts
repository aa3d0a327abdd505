// The document a department 报送s to the finance bureau for one round (year, month), and the
// offline package that carries the same document on a file for air-gapped departments.
// Shared by the app (which builds them) and the server (which validates them): valibot only,
// and WebCrypto (global in browsers and Node ≥ 20) for the package checksum.
import * as v from 'valibot'

/**
 * Submission format versions this code reads; a document names the one it was written in.
 * 1: the round's figures as computed on the day of 报送. 2: the round frozen when the month was
 * marked 已报送 (content.round), with per-indicator notes, 整改 lifecycle fields, each project's
 * 年初预算数 / 资金用途 / 绩效目标 / 资金支出计划 and each indicator's target parts. Every field
 * added in 2 is optional here, so a version 1 document still validates.
 */
export const SUBMISSION_FORMAT_VERSIONS = [1, 2] as const
export const SUBMISSION_FORMAT_VERSION = 2
/** Offline package layout version (the wrapper, not the document inside). */
export const PACKAGE_VERSION = 1
/** Marks a file as an offline submission package. */
export const PACKAGE_KIND = '预算绩效监控报送文件'

const CONTROL_CHARS = /[\u0000-\u001f\u007f]/

function text(label: string, maxLength: number) {
  return v.pipe(
    v.string(`${label}应为文字`),
    v.trim(),
    v.nonEmpty(`${label}不能为空`),
    v.maxLength(maxLength, `${label}不能超过 ${maxLength} 个字符`),
    v.check((value) => !CONTROL_CHARS.test(value), `${label}不能包含控制字符`),
  )
}

/** A department as named in a submission: its unit code (单位编码) and name. */
export const DepartmentRefSchema = v.strictObject(
  { code: text('部门编码', 32), name: text('部门名称', 200) },
  (issue) => unknownKeyMessage(issue, '部门信息应为包含 code 和 name 的对象'),
)

/** Round year and month (1–m月 ends at this month). */
export const YearSchema = v.pipe(
  v.number('年度应为数字'),
  v.integer('年度应为整数'),
  v.minValue(2000, '年度应在 2000 至 2100 之间'),
  v.maxValue(2100, '年度应在 2000 至 2100 之间'),
)
export const MonthSchema = v.pipe(
  v.number('月份应为数字'),
  v.integer('月份应为 1 至 12 的整数'),
  v.minValue(1, '月份应为 1 至 12 的整数'),
  v.maxValue(12, '月份应为 1 至 12 的整数'),
)

const IdSchema = text('编号', 200)

/** Free text a department wrote (原因说明, 备注, 整改措施…): may be empty, at most 2,000 characters. */
const freeText = (label: string) => v.pipe(v.string(`${label}应为文字`), v.maxLength(2000, `${label}不能超过 2000 个字符`))
/** 偏差原因 keys (DEVIATION_REASONS in src/domain/types; not imported: the server reads this file alone). */
const REASONS = ['funding', 'institution', 'staffing', 'facilities', 'other'] as const
const LIKELIHOODS = ['certain', 'possible', 'impossible'] as const

/** An indicator's 监控说明 of the month (format 2); absent or null = none. */
const IndicatorNoteSchema = v.optional(v.nullable(v.looseObject(
  {
    reasons: v.array(v.picklist(REASONS, `偏差原因应为 ${REASONS.join(' / ')} 之一`), '偏差原因应为列表'),
    likelihood: v.nullable(v.picklist(LIKELIHOODS, `完成目标可能性应为 ${LIKELIHOODS.join(' / ')} 之一或空`)),
    explanation: freeText('原因说明'),
    remark: freeText('备注'),
  },
  '指标监控说明应为对象',
)))

/** A 整改 item (format 1 had text, owner, dueDate, status; 2 adds the lifecycle fields). */
const ActionItemSchema = v.looseObject(
  {
    text: freeText('整改措施'),
    owner: freeText('责任人'),
    status: v.picklist(['open', 'closed'], '整改状态应为 open / closed'),
    progress: v.optional(v.picklist(['notStarted', 'inProgress', 'done'], '整改进度应为 notStarted / inProgress / done')),
    completionNote: v.optional(freeText('完成说明')),
    evidence: v.optional(freeText('证明材料')),
  },
  '整改事项应为对象',
)

/** Which report of the month the document carries (format 2). */
const RoundRefSchema = v.optional(v.looseObject(
  {
    revision: v.pipe(v.number('报送版次应为数字'), v.integer('报送版次应为正整数'), v.minValue(1, '报送版次应为正整数')),
    reportedAt: v.pipe(v.string('标记已报送时间应为文字'), v.isoTimestamp('标记已报送时间应为 ISO 8601 格式')),
  },
  '报送轮次信息应为对象',
))

/** What the server requires of `content`: an object whose projects (and their indicators), when
 * present, carry unique string ids, so a 问询 can point at one of them; the per-indicator notes,
 * 整改 items and round reference, when present, have the shape the app reads. Other fields are
 * kept as they are (older documents lack the format 2 fields). */
export const SubmissionContentSchema = v.pipe(
  // looseObject accepts arrays (typeof [] is 'object') and returns a copy; a round's content is never one.
  v.unknown(),
  v.check((content) => typeof content === 'object' && content !== null && !Array.isArray(content), '报送内容应为对象'),
  v.looseObject(
    {
      round: RoundRefSchema,
      projects: v.optional(
        v.array(
          v.looseObject(
            {
              id: IdSchema,
              indicators: v.optional(
                v.array(v.looseObject({ id: IdSchema, note: IndicatorNoteSchema }, '指标应为对象'), '指标列表应为数组'),
              ),
              actionItems: v.optional(v.array(ActionItemSchema, '整改事项应为数组')),
            },
            '项目应为对象',
          ),
          '项目列表应为数组',
        ),
      ),
    },
    '报送内容应为对象',
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    const seen = new Set<string>()
    dataset.value.projects?.forEach((project, index) => {
      if (seen.has(project.id)) {
        addIssue({ message: `项目编号“${project.id}”重复`, path: [pathItem('projects', dataset.value.projects), pathItem(index, project)] })
      }
      seen.add(project.id)
      const indicatorIds = new Set<string>()
      for (const indicator of project.indicators ?? []) {
        if (indicatorIds.has(indicator.id)) {
          addIssue({ message: `项目“${project.id}”的指标编号“${indicator.id}”重复`, path: [pathItem('projects', dataset.value.projects), pathItem(index, project)] })
        }
        indicatorIds.add(indicator.id)
      }
    })
  }),
)

/** The round document a department sends: envelope fields plus the round's content. */
export const SubmissionSchema = v.strictObject(
  {
    formatVersion: v.picklist(SUBMISSION_FORMAT_VERSIONS, (issue) =>
      `不支持的报送格式版本 ${issue.received}（支持：${SUBMISSION_FORMAT_VERSIONS.join('、')}）`),
    department: DepartmentRefSchema,
    year: YearSchema,
    month: MonthSchema,
    reportedAt: v.pipe(
      v.string('报送时间应为文字'),
      v.isoTimestamp('报送时间应为 ISO 8601 格式，例如 2026-08-05T10:30:00+08:00'),
    ),
    content: SubmissionContentSchema,
  },
  (issue) => unknownKeyMessage(issue, '报送文件应为 JSON 对象'),
)

export type SubmissionDocument = v.InferOutput<typeof SubmissionSchema>
export type SubmissionContent = v.InferOutput<typeof SubmissionContentSchema>

/** One problem found in a document: where (`department.code`, `content.projects[2].id`) and what. */
export interface SchemaProblem {
  readonly path: string
  readonly message: string
}

/** Validates a submission; the problems say where in Chinese, in document order. */
export function parseSubmission(input: unknown):
  | { readonly ok: true; readonly value: SubmissionDocument }
  | { readonly ok: false; readonly problems: readonly SchemaProblem[] } {
  const result = v.safeParse(SubmissionSchema, input)
  if (result.success) return { ok: true, value: result.output }
  return { ok: false, problems: toProblems(result.issues) }
}

/** Turns valibot issues into path + Chinese message pairs. */
export function toProblems(issues: readonly v.BaseIssue<unknown>[]): SchemaProblem[] {
  return issues.map((issue) => ({ path: formatIssuePath(issue), message: issue.message }))
}

/** `content.projects[2].id` for a valibot issue; the empty string for the document itself. */
export function formatIssuePath(issue: v.BaseIssue<unknown>): string {
  let path = ''
  for (const item of issue.path ?? []) {
    const key = item.key
    if (typeof key === 'number') path += `[${key}]`
    else path += path === '' ? String(key) : `.${String(key)}`
  }
  return path
}

function unknownKeyMessage(issue: v.BaseIssue<unknown>, fallback: string): string {
  // A strict object reports an unexpected key with the key as `expected: never`.
  if (issue.expected === 'never') return `不认识的字段 ${issue.path?.at(-1)?.key as string}`
  if (issue.received === 'undefined' && issue.path) return `缺少字段 ${String(issue.path.at(-1)?.key)}`
  return fallback
}

function pathItem(key: string | number, value: unknown): v.IssuePathItem {
  return { type: 'unknown', origin: 'value', input: undefined, key, value }
}

// ---- Offline package --------------------------------------------------------------------------

/** Header of an offline package. `submission` is the document's exact JSON text; `sha256` is the
 * hex SHA-256 of its UTF-8 bytes, so any changed byte of the document is detected. */
export const SubmissionPackageSchema = v.strictObject(
  {
    kind: v.literal(PACKAGE_KIND, '这不是报送文件（缺少“预算绩效监控报送文件”标记）'),
    packageVersion: v.literal(PACKAGE_VERSION, `不支持的报送文件版本（支持：${PACKAGE_VERSION}）`),
    formatVersion: v.picklist(SUBMISSION_FORMAT_VERSIONS, '不支持的报送格式版本'),
    department: DepartmentRefSchema,
    year: YearSchema,
    month: MonthSchema,
    sha256: v.pipe(v.string('校验值应为文字'), v.regex(/^[0-9a-f]{64}$/, '校验值应为 64 位小写十六进制 SHA-256')),
    submission: v.string('报送内容应为文字'),
  },
  (issue) => unknownKeyMessage(issue, '报送文件应为 JSON 对象'),
)
export type SubmissionPackage = v.InferOutput<typeof SubmissionPackageSchema>

/** Hex SHA-256 of a string's UTF-8 bytes. */
export async function sha256Hex(textValue: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(textValue))
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/** Builds the offline package file text (compact JSON) for a submission. */
export async function buildSubmissionPackage(submission: SubmissionDocument): Promise<string> {
  const submissionText = JSON.stringify(submission)
  const header: SubmissionPackage = {
    kind: PACKAGE_KIND,
    packageVersion: PACKAGE_VERSION,
    formatVersion: submission.formatVersion,
    department: submission.department,
    year: submission.year,
    month: submission.month,
    sha256: await sha256Hex(submissionText),
    submission: submissionText,
  }
  return JSON.stringify(header)
}

/** Reads an offline package: checks its layout, its SHA-256 and that header and document agree. */
export async function readSubmissionPackage(fileText: string): Promise<
  | { readonly ok: true; readonly submission: SubmissionDocument; readonly sha256: string }
  | { readonly ok: false; readonly message: string; readonly problems: readonly SchemaProblem[] }
> {
  const fail = (message: string, problems: readonly SchemaProblem[] = []) => ({ ok: false as const, message, problems })
  let raw: unknown
  try {
    raw = JSON.parse(fileText)
  } catch {
    return fail('报送文件已损坏：不是完整的 JSON 文件。请让部门重新导出报送文件。')
  }
  const header = v.safeParse(SubmissionPackageSchema, raw)
  if (!header.success) return fail('报送文件格式不正确。', toProblems(header.issues))
  const { sha256, submission: submissionText } = header.output
  if ((await sha256Hex(submissionText)) !== sha256) {
    return fail('报送文件校验失败：内容与 SHA-256 校验值不一致，文件在传递中被改动或损坏。请让部门重新导出报送文件，不要手工修改。')
  }
  let document: unknown
  try {
    document = JSON.parse(submissionText)
  } catch {
    return fail('报送文件中的报送内容不是有效的 JSON。')
  }
  const parsed = parseSubmission(document)
  if (!parsed.ok) return fail('报送文件中的报送内容不符合格式要求。', parsed.problems)
  const doc = parsed.value
  const h = header.output
  if (h.department.code !== doc.department.code || h.department.name !== doc.department.name
    || h.year !== doc.year || h.month !== doc.month || h.formatVersion !== doc.formatVersion) {
    return fail('报送文件的封面信息（部门、年度、月份或版本）与报送内容不一致，文件可能被改动。')
  }
  return { ok: true, submission: doc, sha256 }
}
