/**
 * The one-file meeting pack: a .zip holding the round's 监控表 workbook and 监控报告 draft, so a
 * meeting's papers travel as one download. The files are already compressed (.xlsx and .docx
 * are zips themselves), so they are stored as they are. fflate (~8 kB) is loaded with this
 * module, on the first pack only; the synchronous writer is used because the app's
 * Content-Security-Policy allows no blob: workers, which fflate's asynchronous one starts.
 */
import { zipSync, type Zippable } from 'fflate'
import type { Month } from '@/domain/types'

/** One file of the pack: its name inside the .zip and its bytes. */
export interface PackFile {
  readonly name: string
  readonly bytes: ArrayBuffer | Uint8Array
}

export interface MeetingPackInput {
  /** The files in the order they are listed in the .zip (监控表 first, then 监控报告). */
  readonly files: readonly PackFile[]
  /** The files' date in the .zip, YYYY-MM-DD (the caller's today). */
  readonly date: string
}

/**
 * Entries are marked as made on Unix (os 3) with mode rw-r--r--: Debian's unzip reads the names of
 * a DOS-made entry (fflate's default) in the OEM code page despite the UTF-8 flag, garbling 监控表.
 * Windows Explorer, 7-Zip and macOS read either as UTF-8.
 */
const UNIX = 3
const FILE_MODE = 0o100644 * 0x10000

/** Characters Windows refuses in a file name. */
const UNSAFE_NAME = /[\\/:*?"<>|]/

/** The .zip bytes of the pack; throws (in Chinese) on an empty file or a name used twice. */
export function writeMeetingPack(input: MeetingPackInput): ArrayBuffer {
  const mtime = parseDate(input.date)
  const entries: Zippable = {}
  for (const file of input.files) {
    if (file.name === '' || UNSAFE_NAME.test(file.name)) throw new Error(`会议材料文件名「${file.name}」不可用`)
    if (Object.hasOwn(entries, file.name)) throw new Error(`会议材料中有两个「${file.name}」`)
    const bytes = file.bytes instanceof Uint8Array ? file.bytes : new Uint8Array(file.bytes)
    if (bytes.length === 0) throw new Error(`「${file.name}」是空文件，未能生成`)
    entries[file.name] = [bytes, { level: 0, mtime, os: UNIX, attrs: FILE_MODE }]
  }
  if (input.files.length === 0) throw new Error('会议材料中没有文件')
  const zip = zipSync(entries)
  return zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength) as ArrayBuffer
}

/** Noon of the day, local time: the .zip stores local date and time without a zone. */
function parseDate(date: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) throw new Error(`日期「${date}」不是 YYYY-MM-DD`)
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12)
}

/** File name `监控会议材料_2020年1-7月_315002.zip`. */
export function meetingPackFileName(year: number, month: Month, departmentCode: string): string {
  return `监控会议材料_${year}年1-${month}月_${departmentCode}.zip`
}
