/** The envelope policy's read rule (libs/funding/src/envelope.policy.ts), for the audit readers. */
export { canSeeEnvelope } from '#funding';
