/**
 * The sign-off block of the 监控表 (填报人, 联系电话, 单位负责人, 财务负责人, 填报日期), kept per
 * department and prefilled from 设置 (the actor's name) the first time.
 *
 * Glossary: 填报人 preparer, 联系电话 phone, 单位负责人 unit head, 财务负责人 finance head,
 * 填报日期 date.
 */

export interface SignOff {
  /** 填报人 */
  readonly preparer: string
  /** 联系电话 */
  readonly phone: string
  /** 单位负责人 */
  readonly unitHead: string
  /** 财务负责人 */
  readonly financeHead: string
  /** 填报日期, YYYY-MM-DD; '' = the day of the export */
  readonly date: string
}

export const SIGN_OFF_FIELDS = ['preparer', 'phone', 'unitHead', 'financeHead', 'date'] as const

export const SIGN_OFF_LABELS: Readonly<Record<keyof SignOff, string>> = {
  preparer: '填报人',
  phone: '联系电话',
  unitHead: '单位负责人',
  financeHead: '财务负责人',
  date: '填报日期',
}

export const EMPTY_SIGN_OFF: SignOff = { preparer: '', phone: '', unitHead: '', financeHead: '', date: '' }

/**
 * The block a dialog starts from: the department's stored one, else 填报人 from 设置. The 填报日期
 * is not kept from an earlier export: each export is dated the day it is made unless typed.
 */
export function initialSignOff(stored: SignOff | null, actor: string): SignOff {
  if (stored === null) return { ...EMPTY_SIGN_OFF, preparer: actor.trim() }
  return { ...stored, preparer: stored.preparer === '' ? actor.trim() : stored.preparer, date: '' }
}

/** The 填报日期 printed: the one typed, else `today` (YYYY-MM-DD). */
export function signOffDate(signOff: SignOff, today: string): string {
  return signOff.date === '' ? today : signOff.date
}

const PHONE = /^[0-9０-９+\-－\s()（）转,，、/]*$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

function isRealDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false
  const [y, m, d] = text.split('-').map(Number) as [number, number, number]
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return m >= 1 && m <= 12 && d >= 1 && d <= days
}

/** Field errors in Chinese (empty when the block can be saved); every field may stay blank but the date must be real. */
export function checkSignOff(signOff: SignOff): Partial<Record<keyof SignOff, string>> {
  const errors: Partial<Record<keyof SignOff, string>> = {}
  if (!PHONE.test(signOff.phone.trim())) errors.phone = '联系电话只能包含数字、空格、-、+、括号和“转”'
  if (signOff.date !== '' && !isRealDate(signOff.date)) errors.date = '填报日期应为 YYYY-MM-DD，例如 2020-08-10'
  for (const field of SIGN_OFF_FIELDS) {
    if (signOff[field].length > 60) errors[field] = `${SIGN_OFF_LABELS[field]}不能超过 60 个字`
  }
  return errors
}

/** A stored value read back as a block (settings hold unknown JSON); null when it is not one. */
export function readSignOff(value: unknown): SignOff | null {
  if (typeof value !== 'object' || value === null) return null
  const record = value as Record<string, unknown>
  const text = (key: keyof SignOff) => (typeof record[key] === 'string' ? (record[key] as string) : '')
  return { preparer: text('preparer'), phone: text('phone'), unitHead: text('unitHead'), financeHead: text('financeHead'), date: text('date') }
}
