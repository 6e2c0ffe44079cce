import { Query } from '@nestjs/cqrs';

/** The whole event log as JSON Lines text chunks, in global order, pulled one page of the log at a time. */
export class ExportLog extends Query<AsyncIterable<string>> {}
