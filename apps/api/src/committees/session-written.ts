import type { FastifyReply } from 'fastify';
import { type StreamWritten, streamWriteResponse, streamWritten } from '../http/stream-written.js';

/** What a session or interests command answers (one shape with every stream command's). */
export type Written = StreamWritten;
export const writtenOf = streamWritten;
export const writeResponse = (reply: FastifyReply, w: Written, idField: 'sessionId' | 'personId') => streamWriteResponse(reply, w, idField);
