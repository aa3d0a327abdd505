import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { MonthLockedError } from '@/db/lockRepository'
import { describeError, describeStorageError, isStorageError, type StorageProblem } from '@/db/storageErrors'

const dom = (name: string, message = 'raw browser text') => new DOMException(message, name)

describe('describeStorageError: what happened and what to do, in Chinese', () => {
  it.each<[string, unknown, StorageProblem, RegExp, string]>([
    ['Dexie without IndexedDB', new Dexie.MissingAPIError('IndexedDB API missing. Please visit https://tinyurl.com/y2uuvskb'), 'unavailable', /无痕.*普通窗口/, 'MissingAPIError'],
    ['open failed on a missing API', new Dexie.OpenFailedError(new Dexie.MissingAPIError('IndexedDB API missing')), 'unavailable', /允许本网站保存数据/, 'MissingAPIError'],
    ['Firefox private window', dom('InvalidStateError', 'A mutation operation was attempted on a database that did not allow mutations.'), 'unavailable', /无痕/, 'InvalidStateError'],
    ['storage disabled', dom('SecurityError', 'The operation is insecure.'), 'unavailable', /设置/, 'SecurityError'],
    ['disk full', dom('QuotaExceededError'), 'quota', /清理磁盘空间.*备份/, 'QuotaExceededError'],
    ['disk full inside an aborted transaction', new Dexie.AbortError('Transaction aborted', dom('QuotaExceededError')), 'quota', /空间已满|清理磁盘/, 'QuotaExceededError'],
    ['disk full in a bulk write', new Dexie.BulkError('2 of 2 failed', [dom('QuotaExceededError'), dom('QuotaExceededError')]), 'quota', /备份/, 'QuotaExceededError'],
    ['an old version open in another tab', new Dexie.VersionError('stored version is higher'), 'version', /关闭本应用的其他标签页/, 'VersionError'],
    ['upgrade blocked', { name: 'DatabaseBlockedError', message: 'blocked' }, 'version', /其他标签页.*刷新/, 'DatabaseBlockedError'],
    ['anything else from storage', dom('UnknownError', 'Internal error opening backing store'), 'other', /刷新页面后重试.*技术支持/, 'UnknownError'],
    ['an error that is not even an Error', 'boom', 'other', /刷新页面后重试/, 'boom'],
  ])('%s → %s', (_case, error, problem, action, technical) => {
    const message = describeStorageError(error)
    expect(message.problem).toBe(problem)
    expect(`${message.detail}${message.action}`).toMatch(action)
    expect(message.technical).toContain(technical)
    expect(message.title).toMatch(/[\u4e00-\u9fff]/)
    // Nothing of the raw English text reaches the Chinese parts.
    expect(`${message.title}${message.detail}${message.action}`).not.toMatch(/tinyurl|[A-Za-z]{4,}Error|raw browser/)
  })
})

describe('describeError: one line for inline messages', () => {
  it.each<[string, unknown, RegExp]>([
    ['disk full', dom('QuotaExceededError'), /^存储空间已满：.*下载备份。$/],
    ['missing IndexedDB', new Dexie.MissingAPIError('IndexedDB API missing. Please visit https://tinyurl.com/y2uuvskb'), /^无法使用浏览器存储：/],
    ['an unknown storage failure names itself', new Dexie.DatabaseClosedError('Database has been closed'), /（DatabaseClosedError）$/],
  ])('%s', (_case, error, line) => {
    expect(isStorageError(error)).toBe(true)
    expect(describeError(error)).toMatch(line)
    expect(describeError(error)).not.toMatch(/tinyurl/)
  })

  it.each<[string, unknown, string]>([
    ['a refused value', new Error('「abc」不是金额。'), '「abc」不是金额。'],
    ['a locked month', new MonthLockedError(2020, 7), new MonthLockedError(2020, 7).message],
    ['a programming error', new TypeError('x is undefined'), 'x is undefined'],
    ['a string', 'plain', 'plain'],
  ])('keeps the app’s own message: %s', (_case, error, text) => {
    expect(isStorageError(error)).toBe(false)
    expect(describeError(error)).toBe(text)
  })
})
