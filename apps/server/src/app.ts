import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './platform/db/database.ts';
import { createHttpApp } from './platform/http/http-app.ts';
import { createLogger, type Logger } from './platform/logger.ts';
import { SecretBox } from './platform/security/secret-box.ts';
import { AccountsService } from './modules/accounts/accounts.service.ts';
import { RepliesService } from './modules/replies/replies.service.ts';
import { AccountRegistry } from './wechat-gateway/account-registry.ts';
import { InboundPipeline } from './wechat-gateway/inbound-pipeline.ts';
import { InboundWriter } from './wechat-gateway/inbound-writer.ts';
import { TokenBroker } from './wechat-gateway/token-broker.ts';
import { webhookRoutes } from './wechat-gateway/webhook.routes.ts';

/** The running platform: services wired together, and the HTTP app when this process serves `web`. */
export interface Platform {
  config: Config;
  db: Database;
  logger: Logger;
  accounts: AccountsService;
  replies: RepliesService;
  tokens: TokenBroker;
  registry: AccountRegistry;
  pipeline: InboundPipeline;
  http: FastifyInstance;
  /** Starts listening (web role); resolves with the bound address. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

export interface PlatformOptions {
  /** Use this database instead of opening one from the config (tests). Closed with the platform. */
  db?: Database;
  logger?: Logger;
}

export async function createPlatform(config: Config, options: PlatformOptions = {}): Promise<Platform> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const db = options.db ?? (await openDatabase(config.database));
  const box = new SecretBox(config.masterKey);

  const accounts = new AccountsService(db, box);
  const replies = new RepliesService(db);
  const tokens = new TokenBroker(db, accounts, box, config.wechat, config.nodeName);
  const registry = new AccountRegistry(db, accounts, replies, {
    maxClockSkew: config.webhook.maxClockSkew,
    bodyLimit: config.webhook.bodyLimit,
  });
  await registry.start();
  const writer = new InboundWriter(db);
  const pipeline = new InboundPipeline(registry, writer, (accountId, originalId) => {
    accounts.learnOriginalId(accountId, originalId).catch((error: unknown) => logger.warn({ err: error }, 'could not record original id'));
  });

  const http = createHttpApp(logger);
  await http.register(webhookRoutes, { pipeline, bodyLimit: config.webhook.bodyLimit });

  let closed = false;
  return {
    config,
    db,
    logger,
    accounts,
    replies,
    tokens,
    registry,
    pipeline,
    http,
    async listen() {
      return http.listen({ host: config.host, port: config.port });
    },
    async close() {
      if (closed) return;
      closed = true;
      await http.close();
      await writer.close();
      await registry.stop();
      await db.close();
    },
  };
}
