import type { FastifyReply } from 'fastify';
import { type StreamWritten, streamWriteResponse, streamWritten } from '../http/stream-written.js';

/** What a directory command answers (one shape with every stream command's). */
export type DirectoryWritten = StreamWritten;
export const directoryWritten = streamWritten;
export const directoryWriteResponse = (reply: FastifyReply, w: DirectoryWritten, name: 'organisationId' | 'personId') =>
  streamWriteResponse(reply, w, name);
