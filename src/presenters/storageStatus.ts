/** What the 导入导出 page says about the browser storage holding the data. */
export interface StorageStatusView {
  /** e.g. 已用 11.8 MB，浏览器允许本网站使用约 1.9 GB；null when the browser does not say. */
  readonly usageText: string | null
  readonly persistence: 'persisted' | 'notPersisted' | 'unknown'
  readonly persistenceText: string
  /** The 申请持久保存 button is offered. */
  readonly canRequest: boolean
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const

/** Bytes in binary units with one decimal above KB, e.g. 12345678 → 11.8 MB. */
export function formatByteSize(bytes: number): string {
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${unit <= 1 ? Math.round(value) : value.toFixed(1)} ${UNITS[unit]}`
}

/** Builds the storage status lines from what navigator.storage reported (null: not read yet or unsupported). */
export function presentStorageStatus(usage: { usedBytes: number | null; quotaBytes: number | null; isPersisted: boolean | null } | null): StorageStatusView {
  const used = usage?.usedBytes ?? null
  const quota = usage?.quotaBytes ?? null
  const usageText =
    used === null ? null : `已用 ${formatByteSize(used)}${quota === null ? '' : `，浏览器允许本网站使用约 ${formatByteSize(quota)}`}`
  if (usage?.isPersisted === true) {
    return { usageText, persistence: 'persisted', persistenceText: '已开启持久保存：空间紧张时浏览器也不会自动清除这些数据。', canRequest: false }
  }
  if (usage?.isPersisted === false) {
    return {
      usageText,
      persistence: 'notPersisted',
      persistenceText: '未开启持久保存：磁盘空间紧张时，浏览器可能自动清除本网站的数据。请定期下载备份。',
      canRequest: true,
    }
  }
  return { usageText, persistence: 'unknown', persistenceText: '此浏览器不报告存储状态。请定期下载备份。', canRequest: false }
}
