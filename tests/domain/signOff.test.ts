import { describe, expect, it } from 'vitest'
import { checkSignOff, EMPTY_SIGN_OFF, initialSignOff, readSignOff, signOffDate, type SignOff } from '@/domain/signOff'

const BLOCK: SignOff = { preparer: '王会计', phone: '0335-4041234', unitHead: '赵局长', financeHead: '钱科长', date: '2020-08-10' }

describe('the sign-off block of the 监控表', () => {
  it.each<[string, SignOff | null, string, SignOff]>([
    ['first export: 填报人 from 设置', null, ' 王会计 ', { ...EMPTY_SIGN_OFF, preparer: '王会计' }],
    ['saved block kept, its 填报日期 not (each export is dated its own day)', BLOCK, '别人', { ...BLOCK, date: '' }],
    ['saved block without 填报人 takes 设置’s', { ...BLOCK, preparer: '' }, '李会计', { ...BLOCK, preparer: '李会计', date: '' }],
  ])('%s', (_, stored, actor, expected) => {
    expect(initialSignOff(stored, actor)).toEqual(expected)
  })

  it.each([
    ['', '2020-08-10', '2020-08-10'],
    ['2020-08-12', '2020-08-10', '2020-08-12'],
  ])('填报日期 %s on %s prints %s', (date, today, expected) => {
    expect(signOffDate({ ...BLOCK, date }, today)).toBe(expected)
  })

  it.each<[string, Partial<SignOff>, Partial<Record<keyof SignOff, string>>]>([
    ['all blank is fine (lines to sign on)', EMPTY_SIGN_OFF, {}],
    ['a phone with 转 and brackets', { phone: '(0335) 4041234 转 8012' }, {}],
    ['letters in the phone', { phone: '0335-abc' }, { phone: '联系电话只能包含数字、空格、-、+、括号和“转”' }],
    ['a date that is not a day', { date: '2020-02-30' }, { date: '填报日期应为 YYYY-MM-DD，例如 2020-08-10' }],
    ['a date in another format', { date: '2020/8/10' }, { date: '填报日期应为 YYYY-MM-DD，例如 2020-08-10' }],
    ['a name too long', { unitHead: '长'.repeat(61) }, { unitHead: '单位负责人不能超过 60 个字' }],
  ])('checks %s', (_, patch, errors) => {
    expect(checkSignOff({ ...BLOCK, ...patch })).toEqual(errors)
  })

  it('reads a stored value back, with blanks for what is missing or not text', () => {
    expect(readSignOff({ preparer: '王会计', phone: 12 })).toEqual({ ...EMPTY_SIGN_OFF, preparer: '王会计' })
    expect(readSignOff('x')).toBeNull()
    expect(readSignOff(null)).toBeNull()
  })
})
