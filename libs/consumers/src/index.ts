export * from './checkpointed-consumer.js';
