import { type EnvelopeCommand, parseAmount } from '#funding';

/** An envelope command without what the HTTP shell adds (request id, context). */
export type EnvelopeOrder = EnvelopeCommand extends infer C ? (C extends unknown ? Omit<C, 'requestId' | 'ctx'> : never) : never;
export type OrderOf<T extends EnvelopeOrder['type']> = Extract<EnvelopeOrder, { type: T }>;

/** Every request DTO of an envelope operation says which command it is. */
export interface EnvelopeRequest {
  toOrder(): EnvelopeOrder;
}

/** A decimal string of euros (already checked by @IsEuroAmount) in cents. */
export const cents = (euros: string, field: string) => parseAmount(euros, field);

/** `{ [key]: value }` when the caller sent the field, `{}` otherwise: commands keep only what was sent (idempotency fingerprint). */
export function sent<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
