/**
 * What the funding process asks of the application: the few commands it sends, each with the request id it derives from
 * its trigger (the Idempotency-Key: a re-run writes nothing new), its time (the trigger's) and the trigger as cause. The
 * application runs them through its command handlers (the CommandBus), as any other caller's commands.
 */
export interface FundingRequest {
  requestId: string;
  at: Date;
  /** The id of the log event that triggered the step (correlation and causation of what it writes). */
  triggerId: string;
}

export interface FundingCommitment {
  commitmentRef: string;
  projectId: string;
  amountCents: number;
  splitKey: string | null;
  reason: string;
}

export interface FundingCommands {
  commit(envelopeId: string, commitment: FundingCommitment, request: FundingRequest): Promise<void>;
  /** Certifies service done and pays that much (the process pays what it certifies itself). */
  pay(
    envelopeId: string,
    payment: { commitmentRef: string; amountCents: number; reference: string },
    request: FundingRequest,
  ): Promise<void>;
  recover(
    envelopeId: string,
    recovery: { commitmentRef: string; amountCents: number; reason: string },
    request: FundingRequest,
  ): Promise<void>;
  release(envelopeId: string, release: { commitmentRef: string; reason: string }, request: FundingRequest): Promise<void>;
  startFinancing(projectId: string, commitmentRef: string, request: FundingRequest): Promise<void>;
  close(projectId: string, request: FundingRequest): Promise<void>;
}
