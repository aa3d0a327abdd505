// Request bodies and parameters, validated with valibot like the submission itself, so every
// refusal names the field and says in Chinese what is wrong.
import * as v from 'valibot'
import { MonthSchema, toProblems, YearSchema } from '../../src/schema/submission'
import { invalid } from './errors'

const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

/** Free text a person typed: trimmed, not empty, bounded; line breaks allowed. */
function prose(label: string, maxLength: number) {
  return v.pipe(
    v.string(`${label}应为文字`),
    v.trim(),
    v.nonEmpty(`请填写${label}`),
    v.maxLength(maxLength, `${label}不能超过 ${maxLength} 个字符`),
    v.check((value) => !CONTROL_CHARS.test(value), `${label}不能包含控制字符`),
  )
}

/** One-line text: trimmed, not empty, bounded, no line breaks. */
function line(label: string, maxLength: number) {
  return v.pipe(prose(label, maxLength), v.check((value) => !/[\r\n\t]/.test(value), `${label}不能换行`))
}

const login = v.pipe(line('登录名', 64), v.check((value) => !/\s/.test(value), '登录名不能包含空格'))

export const LoginBody = v.strictObject({ login: v.string('请填写登录名'), password: v.string('请填写密码') }, '请提交登录名和密码')
export const NewDepartmentBody = v.strictObject({
  code: line('部门编码', 32),
  name: line('部门名称', 200),
  login,
  password: v.optional(v.string('密码应为文字')),
}, '请提交部门编码、名称和登录名')
export const BureauAccountBody = v.strictObject({ login, password: v.string('请填写密码') }, '请提交登录名和密码')
export const PasswordChangeBody = v.strictObject({ currentPassword: v.string('请填写当前密码'), newPassword: v.string('请填写新密码') }, '请提交当前密码和新密码')
export const ReturnBody = v.strictObject({ reason: prose('退回原因', 2000) }, '请填写退回原因')
export const InquiryBody = v.strictObject({
  projectId: line('项目编号', 200),
  indicatorId: v.optional(v.nullable(line('指标编号', 200))),
  question: prose('问询内容', 4000),
}, '请提交问询的项目和内容')
export const AnswerBody = v.strictObject({ answer: prose('答复', 4000) }, '请填写答复')
export const CloseBody = v.optional(v.strictObject({ note: v.optional(v.nullable(prose('关闭说明', 2000))) }, '关闭说明应为对象'))
export const DeadlineBody = v.strictObject({
  deadline: v.pipe(
    v.string('截止日期应为文字'),
    v.isoDate('截止日期应为 YYYY-MM-DD 格式，例如 2026-08-10'),
  ),
}, '请提交截止日期')

export const RoundParams = v.object({ year: v.pipe(v.string(), v.toNumber(), YearSchema), month: v.pipe(v.string(), v.toNumber(), MonthSchema) })
export const YearQuery = v.object({ year: v.pipe(v.string('请指定年度'), v.toNumber('年度应为数字'), YearSchema) })
export const IdParams = v.object({ id: v.pipe(v.string(), v.regex(/^\d{1,9}$/, '编号应为数字'), v.toNumber()) })
export const DepartmentRoundParams = v.object({
  code: v.string(), year: v.pipe(v.string(), v.toNumber('年度应为数字'), YearSchema), month: v.pipe(v.string(), v.toNumber('月份应为数字'), MonthSchema),
})
export const SubmissionQuery = v.object({
  year: v.optional(v.pipe(v.string(), v.toNumber('年度应为数字'), YearSchema)),
  month: v.optional(v.pipe(v.string(), v.toNumber('月份应为数字'), MonthSchema)),
  department: v.optional(v.string()),
})

/** Parses a body or parameters, or throws 400 with every problem's field path. */
export function parseOr400<S extends v.GenericSchema>(schema: S, input: unknown, what = '请求内容不符合要求'): v.InferOutput<S> {
  const result = v.safeParse(schema, input)
  if (result.success) return result.output
  throw invalid(what, toProblems(result.issues))
}
