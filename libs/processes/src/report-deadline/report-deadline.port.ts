/** One request of the report deadline process: its id (the Idempotency-Key), its time (the trigger's) and its trigger. */
export interface ReportDeadlineRequest {
  requestId: string;
  at: Date;
  triggerId: string;
}

/**
 * The commands the report deadline process sends, run by the application through its command handlers (the CommandBus),
 * as anyone's; they resolve with the number of events written (0: nothing to do).
 */
export interface ReportDeadlineCommands {
  openReportDeadline(projectId: string, actId: string, reportDueOn: string, request: ReportDeadlineRequest): Promise<number>;
  cancelReportDeadline(projectId: string, actId: string, request: ReportDeadlineRequest): Promise<number>;
}
