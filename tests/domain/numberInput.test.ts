import { describe, expect, it } from 'vitest'
import {
  decimalPlaces,
  formatIndicatorInput,
  formatMoneyInput,
  parseNumberInput,
  parsePastedBlock,
} from '@/domain/numberInput'

describe('parseNumberInput', () => {
  it.each<[string, string, string | null]>([
    ['12', '12', null],
    ['0.25', '0.25', null],
    ['.5', '0.5', null],
    ['1,234.50', '1234.50', null],
    ['12,345,678', '12345678', null],
    ['１２３．５', '123.5', null],
    ['１，２３４', '1234', null],
    ['3。5', '3.5', null],
    [' 0.30 ', '0.30', null],
    ['1 234.5', '1234.5', null],
    ['0.3万元', '0.3', '万元'],
    ['0.3 万元', '0.3', '万元'],
    ['1,200元', '1200', '元'],
    ['¥1,200.00', '1200.00', null],
    ['98.5%', '98.5', '%'],
    ['98.5％', '98.5', '%'],
    ['95百分比', '95', '%'],
    ['12件', '12', '件'],
    ['30人次', '30', '人次'],
    ['4场次', '4', '场次'],
    ['-5', '-5', null],
    ['－５', '-5', null],
    ['(1,234.00)', '-1234.00', null],
    ['+7', '7', null],
  ])('reads %j as %s with unit %s', (text, decimal, unit) => {
    expect(parseNumberInput(text)).toEqual({ kind: 'number', decimal, value: Number(decimal), unit })
  })

  it.each(['', '   ', '\u3000', '\t'])('reads blank %j as empty (未填报)', (text) => {
    expect(parseNumberInput(text)).toEqual({ kind: 'empty' })
  })

  it.each(['abc', '1.2.3', '1,5', '12,34', '万元', '%', '1e5', '12abc', '(-5)', '1-2', '--1', '.'])(
    'refuses %j',
    (text) => {
      expect(parseNumberInput(text)).toEqual({ kind: 'invalid', text })
    },
  )
})

describe('decimalPlaces', () => {
  it.each<[string, number]>([
    ['12', 0],
    ['12.50', 1],
    ['0.000001', 6],
    ['1.2300000', 2],
  ])('%s has %i significant decimals', (decimal, places) => {
    expect(decimalPlaces(decimal)).toBe(places)
  })
})

describe('formatMoneyInput', () => {
  it.each<[number, 'wan' | 'yuan', string]>([
    [250_000, 'wan', '0.25'],
    [3_000_000, 'wan', '3.00'],
    [1_234_567, 'wan', '1.234567'],
    [1, 'wan', '0.000001'],
    [0, 'wan', '0.00'],
    [250_000, 'yuan', '2,500.00'],
    [123_456_789, 'yuan', '1,234,567.89'],
  ])('%i 分 in %s is %s', (fen, unit, text) => {
    expect(formatMoneyInput(fen, unit)).toBe(text)
  })
})

describe('formatIndicatorInput', () => {
  it.each<[number, string]>([
    [98.5, '98.5'],
    [0.1 + 0.2, '0.3'],
    [12, '12'],
    // Before: a 13-digit count showed rounded to 12 significant digits (…120).
    [1_234_567_890_123, '1234567890123'],
    [9_007_199_254_740_991, '9007199254740991'],
  ])('%f shows as %s', (value, text) => {
    expect(formatIndicatorInput(value)).toBe(text)
  })
})

describe('parsePastedBlock', () => {
  it.each<[string, string[][]]>([
    ['0.5\t12\n0.6\t9\n0.7\t10\n', [['0.5', '12'], ['0.6', '9'], ['0.7', '10']]],
    ['0.5\t12\r\n0.6\t9\r\n', [['0.5', '12'], ['0.6', '9']]],
    ['1\t\t3', [['1', '', '3']]],
    ['7', [['7']]],
    ['"1,234.00"\t"a ""q"""\n', [['1,234.00', 'a "q"']]],
    ['"two\nlines"\t5', [['two\nlines', '5']]],
    ['', []],
  ])('splits %j', (text, rows) => {
    expect(parsePastedBlock(text)).toEqual(rows)
  })
})
