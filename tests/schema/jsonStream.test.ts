import { describe, expect, it } from 'vitest'
import { createJsonStreamReader, decodeUtf8Chunks, JsonStreamError, type JsonPath } from '@/schema/jsonStream'

interface Read {
  values: [string, unknown][]
  rows: [string, number, unknown][]
  starts: string[]
}

/** Reads `text` cut into `size`-character chunks, walking the root and `tables`, rows under tables.*. */
function read(text: string, size: number): Read {
  const out: Read = { values: [], rows: [], starts: [] }
  const reader = createJsonStreamReader({
    descends: (path: JsonPath) => path.length === 0 || (path.length === 1 && path[0] === 'tables'),
    readsRows: (path: JsonPath) => path.length === 2 && path[0] === 'tables',
    value: (path, value) => void out.values.push([path.join('.'), value]),
    rowsStart: (path) => void out.starts.push(path.join('.')),
    row: (path, value, index) => void out.rows.push([path.join('.'), index, value]),
  })
  for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size))
  reader.end()
  return out
}

/** What one JSON.parse of the same text says, in the same shape. */
function expected(text: string): Read {
  const input = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>
  const out: Read = { values: [], rows: [], starts: [] }
  for (const [key, value] of Object.entries(input)) {
    if (key !== 'tables' || typeof value !== 'object' || value === null || Array.isArray(value)) {
      out.values.push([key, value])
      continue
    }
    for (const [name, rows] of Object.entries(value)) {
      if (!Array.isArray(rows)) {
        out.values.push([`tables.${name}`, rows])
        continue
      }
      out.starts.push(`tables.${name}`)
      rows.forEach((row: unknown, i) => out.rows.push([`tables.${name}`, i, row]))
    }
  }
  return out
}

const DOCUMENTS: [string, string][] = [
  ['plain rows', '{"format":"x","version":2,"tables":{"a":[{"id":1},{"id":2}],"b":[]}}'],
  ['strings with escaped quotes, backslashes and brackets', String.raw`{"tables":{"notes":[{"text":"他说\"够了\"，{不}[是] \\ 结束\\"},{"text":"\\\""}]}}`],
  ['unicode escapes and CJK', String.raw`{"exportedAt":"2024-08-05","tables":{"p":[{"name":"\u6cd5\u5236工作专项经费","unit":"人次"},"单独的字符串"]}}`],
  ['numbers of every form, literals and nesting', '{"v":-1.5e-3,"tables":{"n":[0,-12,3.25,1E6,true,false,null,[1,[2,{"x":[3]}]],{"a":{"b":[]}}]}}'],
  ['whitespace and newlines everywhere, a BOM', '\uFEFF {\n "tables" : {\r\n "a" : [ 1 ,\t{ "k" : "v" } , 2 ] } ,\n "z" : 1 }\n'],
  ['a table that is not a list, an unknown top-level value', '{"tables":{"projects":5,"x":{"y":[1]}},"extra":{"deep":["a"]}}'],
]

describe('createJsonStreamReader', () => {
  const sizes = [1, 2, 3, 7, 64, 100_000]
  it.each(DOCUMENTS.flatMap(([name, text]) => sizes.map((size) => [name, size, text] as const)))('reads %s in chunks of %i characters as JSON.parse does', (_, size, text) => {
    expect(read(text, size)).toEqual(expected(text))
  })

  it.each([
    ['an empty text', ''],
    ['a cut-off file', '{"tables":{"a":[{"id":1},{"id"'],
    ['a cut-off string', '{"tables":{"a":["abc'],
    ['a missing comma between rows', '{"tables":{"a":[{"id":1}{"id":2}]}}'],
    ['a trailing comma', '{"tables":{"a":[1,2,]}}'],
    ['a trailing comma in an object', '{"a":1,}'],
    ['an unquoted key', '{a:1}'],
    ['a missing colon', '{"a" 1}'],
    ['mismatched brackets', '{"tables":{"a":[1}}'],
    ['a bad number inside a row', '{"tables":{"a":[01]}}'],
    ['a bad literal', '{"tables":{"a":[tru]}}'],
    ['text after the end', '{"a":1} {"b":2}'],
    ['a broken row', '{"tables":{"a":[{"id":}]}}'],
  ])('refuses %s', (_, text) => {
    for (const size of [1, 5, 1000]) expect(() => read(text, size)).toThrow(JsonStreamError)
  })

  it('hands each row over as soon as its text is in, not at the end of the file', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => JSON.stringify({ projectId: `2024/400001/P-${i}`, month: (i % 12) + 1, amount: i * 100 }))
    const text = `{"tables":{"spending":[${rows.join(',')}]}}`
    let delivered = 0
    const reader = createJsonStreamReader({
      descends: (path) => path.length < 2,
      readsRows: (path) => path.length === 2,
      value: () => undefined,
      rowsStart: () => undefined,
      row: () => void delivered++,
    })
    reader.push(text.slice(0, text.length / 2))
    expect(delivered).toBeGreaterThan(2400)
    expect(delivered).toBeLessThan(2600)
    reader.push(text.slice(text.length / 2))
    reader.end()
    expect(delivered).toBe(5000)
  })
})

describe('decodeUtf8Chunks', () => {
  async function* bytesOf(parts: Uint8Array[]) {
    yield* parts
  }
  it.each([1, 2, 5])('keeps a Chinese character cut between byte chunks of %i bytes whole', async (size) => {
    const bytes = new TextEncoder().encode('{"name":"法制工作专项经费"}')
    const parts = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.slice(i * size, (i + 1) * size))
    let text = ''
    for await (const chunk of decodeUtf8Chunks(bytesOf(parts))) text += chunk
    expect(text).toBe('{"name":"法制工作专项经费"}')
  })

  it('refuses bytes that are not UTF-8', async () => {
    const read = async () => {
      for await (const chunk of decodeUtf8Chunks(bytesOf([new Uint8Array([0x7b, 0xff, 0xfe])]))) void chunk
    }
    await expect(read()).rejects.toThrow(JsonStreamError)
  })
})
