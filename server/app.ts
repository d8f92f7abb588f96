import type { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppConfig } from './config';
import { connectDatabase } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { fileClock, systemClock, type Clock } from './lib/clock';
import accessPlugin from './plugins/access';
import databasePlugin from './plugins/database';
import errorsPlugin, { answerFrameworkError } from './plugins/errors';
import h5Plugin from './plugins/h5';
import idempotencyPlugin from './plugins/idempotency';
import idempotencyCleanupPlugin from './plugins/idempotency-cleanup';
import jobsPlugin from './plugins/jobs';
import jsonBodyPlugin from './plugins/json-body';
import openapiPlugin from './plugins/openapi';
import pageCachePlugin from './plugins/page-cache';
import platformsPlugin from './plugins/platforms';
import rateLimitPlugin from './plugins/rate-limit';
import securityHeadersPlugin from './plugins/security-headers';
import storableValuesPlugin from './plugins/storable-values';
import filesPlugin from './files/plugin';
import authRoutes from './features/auth/routes';
import credibilityRoutes from './features/credibility/routes';
import ledgerRoutes from './features/ledger/routes';
import staffLedgerRoutes from './features/staff-ledger/routes';
import timelineRoutes from './features/timeline/routes';
import healthRoutes from './features/health/routes';
import letterRoutes from './features/letters/routes';
import notificationRoutes from './features/notifications/routes';
import photoRoutes from './features/photos/routes';
import pledgeRoutes from './features/pledges/routes';
import poolRoutes from './features/pool/routes';
import sponsorRoutes from './features/sponsor/routes';
import staffRoutes from './features/staff/routes';
import studentRoutes from './features/student/routes';
import onboardingRoutes from './features/onboarding/routes';
import checkinRoutes from './features/checkins/routes';
import termReportRoutes from './features/term-reports/routes';
import messagingRoutes from './features/messaging/routes';
import careRoutes from './features/care/routes';
import wellbeingRoutes from './features/wellbeing/routes';
import carePolicyRoutes from './features/care-policy/routes';
import studentRightsRoutes from './features/student-rights/routes';
import sponsorRightsRoutes from './features/sponsor-rights/routes';
import ngoPaymentRoutes from './features/ngo-payment/routes';
import paymentRoutes from './features/payments/routes';
import paymentAdminRoutes from './features/payment-admin/routes';
import reconciliationRoutes from './features/reconciliation/routes';
import merchantRoutes from './features/merchants/routes';
import statementRoutes from './features/statements/routes';

export interface BuildOptions {
  config: AppConfig;
  clock?: Clock;
  /** Where log lines go (tests capture them); stdout by default. */
  logStream?: Writable;
  /** PostgreSQL schema to use instead of the default search path (tests isolate themselves). */
  pgSchema?: string;
}

// Never let credentials, tokens or platform session keys reach the log.
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.session_key',
  '*.sessionKey',
  '*.password',
  '*.token',
  '*.secret',
];

export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: REDACT, censor: '[redacted]' },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    trustProxy: config.mode === 'production',
    bodyLimit: 1024 * 1024,
    // Signed file links carry their key, expiry and signature in one path segment.
    routerOptions: { maxParamLength: 300 },
    frameworkErrors: answerFrameworkError,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  });

  const { db, dialect } = connectDatabase({ databaseUrl: config.database.url, sqlitePath: config.database.sqlitePath, pgSchema: options.pgSchema });
  await migrateToLatest(db);

  app.decorate('config', config);
  app.decorate('clock', options.clock ?? (config.clockFile ? fileClock(config.clockFile) : systemClock));
  await app.register(databasePlugin, { db, dialect });
  await app.register(errorsPlugin);
  await app.register(storableValuesPlugin);
  await app.register(securityHeadersPlugin);
  await app.register(jsonBodyPlugin);
  await app.register(openapiPlugin);
  await app.register(rateLimitPlugin);
  await app.register(platformsPlugin);
  await app.register(accessPlugin);
  await app.register(idempotencyPlugin);
  await app.register(idempotencyCleanupPlugin);
  await app.register(pageCachePlugin);
  await app.register(filesPlugin);
  await app.register(jobsPlugin);

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(sponsorRoutes);
  await app.register(studentRoutes);
  await app.register(staffRoutes);
  await app.register(letterRoutes);
  await app.register(photoRoutes);
  await app.register(notificationRoutes);
  await app.register(poolRoutes);
  await app.register(pledgeRoutes);
  await app.register(credibilityRoutes);
  await app.register(timelineRoutes);
  await app.register(ledgerRoutes);
  await app.register(staffLedgerRoutes);
  await app.register(onboardingRoutes);
  await app.register(checkinRoutes);
  await app.register(termReportRoutes);
  await app.register(messagingRoutes);
  await app.register(careRoutes);
  await app.register(wellbeingRoutes);
  await app.register(carePolicyRoutes);
  await app.register(studentRightsRoutes);
  await app.register(sponsorRightsRoutes);
  await app.register(statementRoutes);
  await app.register(ngoPaymentRoutes);
  await app.register(paymentRoutes);
  await app.register(paymentAdminRoutes);
  await app.register(reconciliationRoutes);
  await app.register(merchantRoutes);

  await app.register(h5Plugin, { dir: config.h5Dir });
  return app;
}
