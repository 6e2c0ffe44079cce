/**
 * What the funding process asks of the application: the few commands it sends (none moves money), with the request id it derives from its
 * trigger (the Idempotency-Key: a re-run writes nothing new), its time (the trigger's) and the trigger as cause. The
 * application runs it through its command handlers (the CommandBus), as any other caller's commands.
 */
export interface FundingRequest {
  requestId: string;
  at: Date;
  /** The id of the log event that triggered the step (correlation and causation of what it writes). */
  triggerId: string;
}

export interface FundingCommands {
  startFinancing(projectId: string, commitmentRef: string, request: FundingRequest): Promise<void>;
  /** On the project's award act: a withdrawal after payments opens the review of the spending. */
  openReviewOnWithdrawal(projectId: string, paidCents: number, request: FundingRequest): Promise<void>;
  /** A withdrawal before any payment: no compte rendu financier is due on the act, its deadline is lifted. */
  liftReportDeadline(projectId: string, actId: string, request: FundingRequest): Promise<void>;
}
