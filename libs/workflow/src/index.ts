export * from './workflow.definition.js';
export * from './validate-definition.js';
export * from './workflow.events.js';
export * from './workflow.instance.js';
export * from './workflow.access.js';
export * from './workflow.decider.js';
export * from './workflow.mermaid.js';
export * from './workflow.registry.js';
