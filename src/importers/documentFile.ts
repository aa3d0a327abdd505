import { parseDocument, type DocumentParseResult } from './document'
import { failedResult } from './document/outcome'
import { decodeText, type TextEncodingName } from './decodeText'
import { parseDocx } from './docx'
import { parseXlsx, type SheetSummary } from './workbook'

/** What a chosen file is, told by its first bytes (a renamed file keeps its content). */
export type DocumentFileKind = 'docx' | 'xlsx' | 'text' | 'legacyOffice' | 'legacyExcel' | 'pdf' | 'archive'

export interface DocumentFileRead {
  readonly result: DocumentParseResult
  readonly kind: DocumentFileKind
  /** Set for text files. */
  readonly encoding: TextEncodingName | null
  /** The worksheets of an .xlsx and what each held; null for other files. */
  readonly sheets: readonly SheetSummary[] | null
}

/** Files above this size are not a 绩效目标表 (the seed is 20 KB; a large bureau's .docx a few MB). */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte)
}

/** Tells a .docx, a plain-text file and the formats we cannot read apart, by magic bytes then extension. */
export function detectDocumentKind(bytes: Uint8Array, fileName: string): DocumentFileKind {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? ''
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (extension === 'xlsx' || extension === 'xlsm') return 'xlsx'
    if (extension === 'et' || extension === 'ett') return 'legacyExcel'
    if (extension === 'zip' || extension === 'rar') return 'archive'
    // A renamed workbook is still a workbook: its zip names xl/workbook.xml early on.
    return containsAscii(bytes, 'xl/') && !containsAscii(bytes, 'word/') ? 'xlsx' : 'docx'
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return extension === 'xls' || extension === 'et' ? 'legacyExcel' : 'legacyOffice'
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf'
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21]) || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf])) return 'archive'
  return 'text'
}

/** True when an entry name of the zip (in its local headers or central directory) holds `text`. */
function containsAscii(bytes: Uint8Array, text: string): boolean {
  const ends = [bytes.subarray(0, Math.min(bytes.length, 4096)), bytes.subarray(Math.max(0, bytes.length - 65536))]
  return ends.some((part) => {
    let ascii = ''
    for (const byte of part) ascii += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : ' '
    return ascii.includes(text)
  })
}

const UNSUPPORTED: Readonly<Record<Exclude<DocumentFileKind, 'docx' | 'xlsx' | 'text'>, { message: string; expected: string }>> = {
  legacyOffice: {
    message: '这是旧版 Word 文件（.doc），无法直接读取 / legacy .doc is not supported',
    expected: '在 Word 或 WPS 中“另存为” .docx 后导入',
  },
  legacyExcel: {
    message: '这是旧版 Excel 文件（.xls）或 WPS 表格文件（.et），无法直接读取：请另存为 .xlsx 后导入 / legacy .xls / .et is not supported, save as .xlsx',
    expected: '在 Excel 或 WPS 表格中“另存为” Excel 工作簿（.xlsx）后导入',
  },
  pdf: {
    message: 'PDF 文件无法读取表格 / PDF is not supported',
    expected: '导入原始的 Word 文件（.docx），或从 PDF 复制表格文字粘贴到文本框',
  },
  archive: {
    message: '这是压缩包，不是绩效目标表 / an archive, not a document',
    expected: '先解压，再导入其中的 .docx 或文本文件',
  },
}

/**
 * Reads a chosen file into a parse result: a .docx through mammoth, an .xlsx through
 * exceljs (both loaded on demand), a text file decoded (UTF-8, UTF-16 or GBK), other formats rejected with what to do instead.
 */
export async function readDocumentFile(bytes: Uint8Array, fileName: string): Promise<DocumentFileRead> {
  const kind = detectDocumentKind(bytes, fileName)
  if (kind === 'docx') return { result: await parseDocx(bytes), kind, encoding: null, sheets: null }
  if (kind === 'xlsx') {
    const { result, sheets } = await parseXlsx(bytes)
    return { result, kind, encoding: null, sheets }
  }
  if (kind === 'text') {
    const { text, encoding } = decodeText(bytes)
    return { result: parseDocument(text), kind, encoding, sheets: null }
  }
  const { message, expected } = UNSUPPORTED[kind]
  return { result: failedResult({ message, line: null, expected }), kind, encoding: null, sheets: null }
}
