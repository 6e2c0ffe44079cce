import type { FastifyReply } from 'fastify';
import type { AwardActWritten } from './award-act-command.runner.js';

/** The HTTP answer of an act command: the act, its revision as ETag, the position written as X-Position. */
export function awardActWriteResponse(reply: FastifyReply, w: AwardActWritten) {
  if (w.act.revision !== null) reply.header('ETag', `"${w.act.revision}"`);
  if (w.position !== null) reply.header('X-Position', w.position.toString());
  return { ...w.act, position: w.position?.toString() ?? null, events: w.events, ...(w.replayed ? { replayed: true } : {}) };
}
