import { parseDocument, type DocumentParseResult } from './document'
import { failedResult } from './document/outcome'
import { decodeText, type TextEncodingName } from './decodeText'
import { parseDocx } from './docx'

/** What a chosen file is, told by its first bytes (a renamed file keeps its content). */
export type DocumentFileKind = 'docx' | 'text' | 'legacyOffice' | 'excel' | 'pdf' | 'archive'

export interface DocumentFileRead {
  readonly result: DocumentParseResult
  readonly kind: DocumentFileKind
  /** Set for text files. */
  readonly encoding: TextEncodingName | null
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
    if (extension === 'xlsx' || extension === 'xlsm' || extension === 'et') return 'excel'
    return extension === 'zip' || extension === 'rar' ? 'archive' : 'docx'
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return extension === 'xls' ? 'excel' : 'legacyOffice'
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf'
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21]) || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf])) return 'archive'
  return 'text'
}

const UNSUPPORTED: Readonly<Record<Exclude<DocumentFileKind, 'docx' | 'text'>, { message: string; expected: string }>> = {
  legacyOffice: {
    message: '这是旧版 Word 文件（.doc），无法直接读取 / legacy .doc is not supported',
    expected: '在 Word 或 WPS 中“另存为” .docx 后导入',
  },
  excel: {
    message: '暂不能直接导入 Excel 文件 / Excel files are not supported here',
    expected: '在 Excel 中选中绩效目标表，复制后粘贴到下方文本框',
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
 * Reads a chosen file into a parse result: a .docx through mammoth (loaded on demand), a
 * text file decoded (UTF-8, UTF-16 or GBK), other formats rejected with what to do instead.
 */
export async function readDocumentFile(bytes: Uint8Array, fileName: string): Promise<DocumentFileRead> {
  const kind = detectDocumentKind(bytes, fileName)
  if (kind === 'docx') return { result: await parseDocx(bytes), kind, encoding: null }
  if (kind === 'text') {
    const { text, encoding } = decodeText(bytes)
    return { result: parseDocument(text), kind, encoding }
  }
  const { message, expected } = UNSUPPORTED[kind]
  return { result: failedResult({ message, line: null, expected }), kind, encoding: null }
}
