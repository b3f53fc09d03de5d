export * from './structure';
export * from './phrases';
export * from './commitments';
