export * from './checkpoint-ahead.error.js';
export * from './checkpointed-consumer.js';
