import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';

/** Seeds demo data on an empty log (filled in as the programs and envelopes land). */
export async function loadDemoData(_app: INestApplication, _logger: Logger): Promise<void> {}
