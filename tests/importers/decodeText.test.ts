import { describe, expect, it } from 'vitest'
import { decodeText } from '../../src/importers/decodeText'
import { detectDocumentKind, readDocumentFile } from '../../src/importers/documentFile'
import { readFixture } from './helpers'

/** GBK bytes of a text, from the GB18030 decoder run backwards (Node has no GBK encoder). */
function encodeGbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030')
  const table = new Map<string, number[]>()
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const char = decoder.decode(new Uint8Array([lead, trail]))
      if (trail !== 0x7f && char.length === 1 && !table.has(char)) table.set(char, [lead, trail])
    }
  }
  return new Uint8Array(
    [...text].flatMap((char) => {
      if (char.charCodeAt(0) < 0x80) return [char.charCodeAt(0)]
      const bytes = table.get(char)
      if (!bytes) throw new Error(`no GBK code for ${char}`)
      return bytes
    }),
  )
}

const utf16le = (text: string): Uint8Array => {
  const bytes = new Uint8Array(2 + text.length * 2)
  bytes.set([0xff, 0xfe])
  for (let i = 0; i < text.length; i++) {
    bytes[2 + i * 2] = text.charCodeAt(i) & 0xff
    bytes[3 + i * 2] = text.charCodeAt(i) >> 8
  }
  return bytes
}

describe('decodeText', () => {
  const sample = '2022年部门预算\t项目编码\t≥９５％'
  it.each([
    ['UTF-8', new TextEncoder().encode(sample), 'utf-8'],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(sample)]), 'utf-8'],
    ['GBK (Windows “ANSI”)', encodeGbk(sample), 'gb18030'],
    ['UTF-16 (Excel “Unicode 文本”)', utf16le(sample), 'utf-16le'],
  ] as const)('reads %s', (_label, bytes, encoding) => {
    const decoded = decodeText(bytes)
    expect(decoded.encoding).toBe(encoding)
    expect(decoded.text.replace(/^\uFEFF/, '')).toBe(sample)
  })

  it('a GBK fixture parses to the same document as its UTF-8 original', async () => {
    const text = readFixture('tab-excel-2022-health.tsv')
    const utf8 = await readDocumentFile(new TextEncoder().encode(text), 'a.tsv')
    const gbk = await readDocumentFile(encodeGbk(text), 'a.tsv')
    expect(gbk.encoding).toBe('gb18030')
    expect(gbk.result).toEqual(utf8.result)
  })
})

describe('detectDocumentKind', () => {
  const zip = [0x50, 0x4b, 0x03, 0x04, 0, 0]
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]
  it.each([
    [zip, 'a.docx', 'docx'],
    [zip, '改名了.txt', 'docx'],
    [zip, 'b.xlsx', 'xlsx'],
    [zip, 'b.et', 'legacyExcel'],
    [zip, 'c.zip', 'archive'],
    [ole, 'd.doc', 'legacyOffice'],
    [ole, 'e.xls', 'legacyExcel'],
    [ole, 'e.et', 'legacyExcel'],
    [[0x25, 0x50, 0x44, 0x46, 0x2d], 'f.pdf', 'pdf'],
    [[0x52, 0x61, 0x72, 0x21], 'g.rar', 'archive'],
    [[0x31, 0x32], 'h.md', 'text'],
  ] as const)('%j named %s is %s', (bytes, name, kind) => {
    expect(detectDocumentKind(new Uint8Array(bytes), name)).toBe(kind)
  })

  it('refuses a legacy .doc with what to do instead, reading nothing', async () => {
    const read = await readDocumentFile(new Uint8Array(ole), '绩效目标.doc')
    expect(read.result).toMatchObject({ ok: false, error: { expected: expect.stringMatching(/另存为” \.docx/) } })
  })
})
