// Public API of the pure domain layer: import from '@/domain' outside src/domain.
export * from './types'
export * from './money'
export * from './planCurve'
export * from './status'
export * from './evaluate'
export * from './asOfMonth'
