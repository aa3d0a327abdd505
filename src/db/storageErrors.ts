/**
 * What a failure of the browser's storage (IndexedDB through Dexie) means for the user, in
 * Chinese: what happened and what to do. The one place that reads Dexie's and IndexedDB's error
 * names; the app's own errors (a locked month, a rejected import) keep their message.
 */

/** unavailable: no IndexedDB (private window, storage disabled); quota: disk full; version: another tab. */
export type StorageProblem = 'unavailable' | 'quota' | 'version' | 'other'

export interface StorageErrorMessage {
  readonly problem: StorageProblem
  /** A short heading, e.g. 存储空间已满. */
  readonly title: string
  /** What happened, in the user's words. */
  readonly detail: string
  /** What to do about it. */
  readonly action: string
  /** The technical name (and message) for support, e.g. `QuotaExceededError`. */
  readonly technical: string
}

/** Names IndexedDB and Dexie give storage failures (Dexie.errnames and the DOMException names IDB uses). */
const STORAGE_ERROR_NAMES = new Set([
  'MissingAPIError', 'SecurityError', 'InvalidStateError', 'QuotaExceededError', 'VersionError',
  'VersionChangeError', 'DatabaseBlockedError', 'OpenFailedError', 'DatabaseClosedError', 'UpgradeError',
  'SchemaError', 'InvalidTableError', 'NoSuchDatabaseError', 'PrematureCommitError', 'InternalError',
  'SubTransactionError', 'UnsupportedError', 'ForeignAwaitError', 'ModifyError', 'BulkError', 'UnknownError',
  'ConstraintError', 'DataError', 'TransactionInactiveError', 'ReadOnlyError', 'NotFoundError', 'AbortError',
  'TimeoutError', 'DataCloneError', 'InvalidAccessError', 'NotReadableError',
])

const UNAVAILABLE = new Set(['MissingAPIError', 'SecurityError', 'InvalidStateError', 'NotReadableError'])
const VERSION = new Set(['VersionError', 'VersionChangeError', 'DatabaseBlockedError'])

const TEXTS: Readonly<Record<StorageProblem, Omit<StorageErrorMessage, 'problem' | 'technical'>>> = {
  unavailable: {
    title: '无法使用浏览器存储',
    detail:
      '本应用把数据保存在这台电脑浏览器的 IndexedDB 中，但浏览器现在不允许使用它。' +
      '常见原因：在无痕（隐私）窗口中打开，浏览器设置禁止网站保存数据，或浏览器版本过旧。',
    action: '请在普通窗口中打开，或在浏览器设置中允许本网站保存数据（Cookie 和网站数据），然后刷新页面。',
  },
  quota: {
    title: '存储空间已满',
    detail: '电脑磁盘或浏览器给本网站的存储空间已满，刚才的数据没有保存。',
    action: '请清理磁盘空间（或在浏览器设置中删除不需要的网站数据）后重试，并尽快在「导入导出」页下载备份。',
  },
  version: {
    title: '另一个标签页正在使用旧版本',
    detail: '本应用已更新，但另一个标签页（或窗口）还开着旧版本，数据库无法升级或已被新版本升级。',
    action: '请关闭本应用的其他标签页，然后刷新本页面。',
  },
  other: {
    title: '浏览器存储出错',
    detail: '读取或保存数据时浏览器存储出错，这次操作没有完成。',
    action: '请刷新页面后重试；问题仍在时，请先在「导入导出」页下载备份，并把这段提示发给技术支持。',
  },
}

interface NamedError {
  readonly name: string
  readonly message: string
}

function named(value: unknown): NamedError | null {
  if (typeof value !== 'object' || value === null) return null
  const { name, message } = value as { name?: unknown; message?: unknown }
  return typeof name === 'string' ? { name, message: typeof message === 'string' ? message : '' } : null
}

/** The error and what it wraps: Dexie's `inner`, `cause`, a BulkError's failures. */
function chainOf(error: unknown): NamedError[] {
  const out: NamedError[] = []
  const queue: unknown[] = [error]
  while (queue.length > 0 && out.length < 10) {
    const current = queue.shift()
    const found = named(current)
    if (!found) continue
    out.push(found)
    const { inner, cause, failures } = current as { inner?: unknown; cause?: unknown; failures?: unknown }
    queue.push(inner, cause)
    if (Array.isArray(failures)) queue.push(...failures.slice(0, 3))
    else if (failures && typeof failures === 'object') queue.push(...Object.values(failures).slice(0, 3))
  }
  return out
}

function problemOf(names: readonly string[]): StorageProblem {
  if (names.includes('QuotaExceededError')) return 'quota'
  if (names.some((n) => UNAVAILABLE.has(n))) return 'unavailable'
  if (names.some((n) => VERSION.has(n))) return 'version'
  return 'other'
}

/** True when the error comes from the browser's storage rather than from the app's own rules. */
export function isStorageError(error: unknown): boolean {
  return chainOf(error).some((e) => STORAGE_ERROR_NAMES.has(e.name))
}

/** Maps any storage failure (Dexie, IndexedDB, or unknown) to a Chinese message with what to do. */
export function describeStorageError(error: unknown): StorageErrorMessage {
  const chain = chainOf(error)
  const storage = chain.filter((e) => STORAGE_ERROR_NAMES.has(e.name))
  const problem = problemOf(storage.map((e) => e.name))
  // The innermost storage error names the cause best (OpenFailedError wraps MissingAPIError).
  const cause = storage.at(-1) ?? chain[0]
  const technical = cause ? `${cause.name}${cause.message ? `: ${cause.message.split('\n')[0]}` : ''}` : String(error)
  return { problem, ...TEXTS[problem], technical }
}

/**
 * One line for an inline error: the Chinese storage message for storage failures (with the
 * technical name when it is not one of the known cases), the app's own message otherwise.
 */
export function describeError(error: unknown): string {
  if (isStorageError(error)) {
    const message = describeStorageError(error)
    const name = message.technical.split(':')[0]
    return `${message.title}：${message.detail}${message.action}${message.problem === 'other' ? `（${name}）` : ''}`
  }
  if (error instanceof Error) return error.message
  return String(error)
}
