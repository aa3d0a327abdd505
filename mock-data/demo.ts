import seedText from './seed/000_de49ccc16f966567.txt?raw'

export { DEMO_INDICATORS, DEMO_NOTES, DEMO_SPENDING } from './demoActuals'

/** The demo department's 2020 部门预算绩效信息, as flattened from its Word file. */
export const DEMO_SEED_TEXT: string = seedText
export const DEMO_FILE_NAME = '2020年部门预算绩效信息（北戴河区司法局）.txt'
