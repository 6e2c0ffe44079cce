import { applyDecorators, Controller, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public } from '#auth';
import { DashboardAccessGuard } from './dashboard-access.guard.js';

/**
 * A controller under /dashboard: aggregated figures, public when PUBLIC_DASHBOARD is true, else behind a token
 * (@Public() for the global guard, then DashboardAccessGuard decides).
 */
export const DashboardFiguresController = () =>
  applyDecorators(ApiTags('dashboard'), ApiBearerAuth(), Public(), UseGuards(DashboardAccessGuard), Controller('dashboard'));
