import { Module } from '@nestjs/common';
import { AddToCommitteeAgendaHandler } from './add-to-agenda/add-to-agenda.handler.js';
import { AddToAgendaHttp } from './add-to-agenda/add-to-agenda.http.js';
import { CastCommitteeVoteHandler } from './cast-vote/cast-vote.handler.js';
import { CastVoteHttp } from './cast-vote/cast-vote.http.js';
import { CloseCommitteeSessionHandler } from './close-session/close-session.handler.js';
import { CloseSessionHttp } from './close-session/close-session.http.js';
import { DeclareInterestLinkHandler } from './declare-link/declare-link.handler.js';
import { DeclareLinkHttp } from './declare-link/declare-link.http.js';
import { GetInterestDeclarationsHandler } from './get-interests/get-interests.handler.js';
import { GetInterestsHttp } from './get-interests/get-interests.http.js';
import { GetCommitteeSessionHandler } from './get-session/get-session.handler.js';
import { GetSessionHttp } from './get-session/get-session.http.js';
import { PostponeCommitteeItemHandler } from './postpone-item/postpone-item.handler.js';
import { PostponeItemHttp } from './postpone-item/postpone-item.http.js';
import { RecordCommitteeMinutesHandler } from './record-minutes/record-minutes.handler.js';
import { RecordMinutesHttp } from './record-minutes/record-minutes.http.js';
import { RecordCommitteeProposalHandler } from './record-proposal/record-proposal.handler.js';
import { RecordProposalHttp } from './record-proposal/record-proposal.http.js';
import { ScheduleCommitteeSessionHandler } from './schedule-session/schedule-session.handler.js';
import { ScheduleSessionHttp } from './schedule-session/schedule-session.http.js';
import { SeatCommitteeMemberHandler } from './seat-member/seat-member.handler.js';
import { SeatMemberHttp } from './seat-member/seat-member.http.js';
import { SessionCommandRunner } from './session-command.runner.js';
import { WithdrawInterestLinkHandler } from './withdraw-link/withdraw-link.handler.js';
import { WithdrawLinkHttp } from './withdraw-link/withdraw-link.http.js';

/** Committee sessions (issue 14 §3) and declarations of interest (§5): their commands and reads, each a slice. */
@Module({
  controllers: [
    ScheduleSessionHttp,
    SeatMemberHttp,
    AddToAgendaHttp,
    CastVoteHttp,
    RecordProposalHttp,
    PostponeItemHttp,
    RecordMinutesHttp,
    CloseSessionHttp,
    GetSessionHttp,
    DeclareLinkHttp,
    WithdrawLinkHttp,
    GetInterestsHttp,
  ],
  providers: [
    SessionCommandRunner,
    ScheduleCommitteeSessionHandler,
    SeatCommitteeMemberHandler,
    AddToCommitteeAgendaHandler,
    CastCommitteeVoteHandler,
    RecordCommitteeProposalHandler,
    PostponeCommitteeItemHandler,
    RecordCommitteeMinutesHandler,
    CloseCommitteeSessionHandler,
    GetCommitteeSessionHandler,
    DeclareInterestLinkHandler,
    WithdrawInterestLinkHandler,
    GetInterestDeclarationsHandler,
  ],
})
export class CommitteesModule {}
