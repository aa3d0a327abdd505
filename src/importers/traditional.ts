/**
 * Traditional → Simplified for *matching* only: the characters of the labels, vocabularies,
 * operators and units a 绩效目标表 uses (項目編碼, 預算數, 績效指標, 不低於, 個工作日 …).
 * Names and descriptions are never converted: the importer keeps them as written.
 */
const PAIRS =
  '項项編编碼码稱称預预數数資资額额財财撥拨績绩標标級级產产質质時时經经濟济會会態态續续響响滿满務务對对於于個个計计劃划進进達达過过單单門门實实' +
  '總总體体確确據据設设內内場场萬万億亿臺台輛辆張张間间處处條条種种與与區区縣县鄉乡鎮镇廳厅為为無无權权運运號号較较戶户圖图書书冊册畝亩噸吨' +
  '參参訓训員员獲获補补貼贴費费專专業业發发開开來来報报評评監监測测導导聯联網网類类線线維维護护環环農农醫医療疗衛卫險险隱隐災灾應应電电風风' +
  '規规範范準准優优異异於于歲岁層层碼码礎础設设備备齊齐檢检驗验證证義义價价値值值值構构際际據据項项級级務务況况啟启屆届週周週周當当屬属並并' +
  '資资廠厂勞劳動动輸输車车養养際际領领導导轉转爾尔種种標标糧粮區区稅税務务銷销售售簡简於于節节約约線线'

const MAP: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>()
  const chars = [...PAIRS]
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const from = chars[i] ?? ''
    const to = chars[i + 1] ?? ''
    if (from !== to) map.set(from, to)
  }
  return map
})()

/** Any character of MAP; most text has none, and then it is returned as it is. */
const TRADITIONAL = new RegExp(`[${[...MAP.keys()].join('')}]`, 'gu')

/** The text with the Traditional characters above replaced by their Simplified forms. */
export function toSimplified(text: string): string {
  return text.replace(TRADITIONAL, (ch) => MAP.get(ch) ?? ch)
}
