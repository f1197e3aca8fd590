import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './platform/db/database.ts';
import { authPlugin } from './platform/http/auth.ts';
import { serveConsole } from './platform/http/console-static.ts';
import { articleImageOrigins } from './modules/materials/article-html.ts';
import { createHttpApp } from './platform/http/http-app.ts';
import { createLogger, type Logger } from './platform/logger.ts';
import { SecretBox } from './platform/security/secret-box.ts';
import { accountsRoutes } from './modules/accounts/accounts.routes.ts';
import { AccountsService } from './modules/accounts/accounts.service.ts';
import { AuditService } from './modules/audit/audit.service.ts';
import { fansRoutes } from './modules/fans/fans.routes.ts';
import { flowsRoutes } from './modules/flows/flows.routes.ts';
import { FlowsService } from './modules/flows/flows.service.ts';
import { catalogueRoutes } from './modules/search/catalogue.routes.ts';
import { CatalogueService } from './modules/search/catalogue.service.ts';
import { storesRoutes } from './modules/stores/stores.routes.ts';
import { StoresService } from './modules/stores/stores.service.ts';
import { FansService } from './modules/fans/fans.service.ts';
import { FANS_BATCH, FansBatchJob } from './modules/fans/jobs/fans-batch.job.ts';
import { FAN_SYNC, FanSyncJob } from './modules/fans/jobs/fan-sync.job.ts';
import { CannedRepliesService } from './modules/inbox/canned-replies.service.ts';
import { inboxRoutes } from './modules/inbox/inbox.routes.ts';
import { InboxService } from './modules/inbox/inbox.service.ts';
import { RealtimeHub } from './modules/inbox/realtime-hub.ts';
import { JobRunner } from './modules/jobs/job-runner.ts';
import { JobsService } from './modules/jobs/jobs.service.ts';
import { authRoutes } from './modules/operators/auth.routes.ts';
import { OperatorsService } from './modules/operators/operators.service.ts';
import { SessionsService } from './modules/operators/sessions.service.ts';
import { repliesRoutes } from './modules/replies/replies.routes.ts';
import { RepliesService } from './modules/replies/replies.service.ts';
import { StatsService } from './modules/stats/stats.service.ts';
import { BroadcastSendJob } from './modules/broadcasts/broadcast-send.job.ts';
import { broadcastsRoutes } from './modules/broadcasts/broadcasts.routes.ts';
import { BROADCAST_SEND, BroadcastsService } from './modules/broadcasts/broadcasts.service.ts';
import { materialsRoutes } from './modules/materials/materials.routes.ts';
import { MaterialsService } from './modules/materials/materials.service.ts';
import { menusRoutes } from './modules/menus/menus.routes.ts';
import { MenusService } from './modules/menus/menus.service.ts';
import { qrChannelsRoutes } from './modules/qrcodes/qrcodes.routes.ts';
import { QrChannelsService } from './modules/qrcodes/qrcodes.service.ts';
import { TagsService } from './modules/tags/tags.service.ts';
import { CouponsService } from './modules/loyalty/coupons.service.ts';
import { FanSessions } from './modules/loyalty/fan-session.ts';
import { h5Routes } from './modules/loyalty/h5.routes.ts';
import { LoyaltyReplies } from './modules/loyalty/loyalty-replies.ts';
import { loyaltyRoutes } from './modules/loyalty/loyalty.routes.ts';
import { MembersService } from './modules/loyalty/members.service.ts';
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
  operators: OperatorsService;
  sessions: SessionsService;
  audit: AuditService;
  inbox: InboxService;
  fans: FansService;
  tags: TagsService;
  jobs: JobsService;
  jobRunner: JobRunner;
  tokens: TokenBroker;
  registry: AccountRegistry;
  flows: FlowsService;
  catalogue: CatalogueService;
  stores: StoresService;
  menus: MenusService;
  channels: QrChannelsService;
  materials: MaterialsService;
  broadcasts: BroadcastsService;
  members: MembersService;
  coupons: CouponsService;
  fanSessions: FanSessions;
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
  try {
    return await assemble(config, db, logger);
  } catch (error) {
    // Nothing runs in the background until assembly succeeded (see below): closing the database is enough.
    await db.close().catch(() => {});
    throw error;
  }
}

async function assemble(config: Config, db: Database, logger: Logger): Promise<Platform> {
  const box = new SecretBox(config.masterKey);
  const accounts = new AccountsService(db, box);
  const replies = new RepliesService(db);
  const operators = new OperatorsService(db);
  const sessions = new SessionsService(db, operators);
  const audit = new AuditService(db);
  const stats = new StatsService(db);
  const tokens = new TokenBroker(db, accounts, box, config.wechat, config.nodeName);
  const inbox = new InboxService(db, accounts, operators, tokens, stats);
  const tags = new TagsService(db, tokens);
  const fans = new FansService(db, tokens);
  const jobs = new JobsService(db);
  const canned = new CannedRepliesService(db);
  const realtime = new RealtimeHub(db, inbox, logger);

  const registry = new AccountRegistry(db, accounts, replies, {
    maxClockSkew: config.webhook.maxClockSkew,
    bodyLimit: config.webhook.bodyLimit,
  });
  const writer = new InboundWriter(db);
  const flows = new FlowsService(db);
  const catalogue = new CatalogueService(db);
  const stores = new StoresService(db);
  const menus = new MenusService(db, tokens, tags);
  const channels = new QrChannelsService(db, tokens);
  const materials = new MaterialsService(db, tokens, config.wechat);
  const broadcasts = new BroadcastsService(db, accounts, materials);
  const members = new MembersService(db, accounts, config.publicUrl);
  const coupons = new CouponsService(db, accounts, members, config.publicUrl);
  const fanSessions = new FanSessions(config.masterKey);
  const loyaltyReplies = new LoyaltyReplies(members, coupons, async (accountId) => (await accounts.get(accountId)).timezone);
  const support = {
    fanState: (accountId: number, openid: string) => flows.fanState(accountId, openid),
    finish: (flowId: number, openid: string) => flows.finish(flowId, openid),
    channel: (accountId: number, scene: string) => channels.channelFor(accountId, scene),
    loyalty: (accountId: number) => loyaltyReplies.hooks(accountId),
  };
  const pipeline = new InboundPipeline(registry, writer, support, (accountId, originalId) => {
    accounts.learnOriginalId(accountId, originalId).catch((error: unknown) => logger.warn({ err: error }, 'could not record original id'));
  });
  pipeline.onStored(({ account, message, outcome }) => {
    if (outcome.followUps.length) {
      inbox.sendAutomatic(account.id, message.fromUserName, outcome.followUps, outcome.replySource).catch((error: unknown) => logger.warn({ err: error }, 'follow-up messages failed'));
    }
    if (account.autoAssign && message.msgType !== 'event') {
      inbox.autoAssign(account.id, message.fromUserName).catch((error: unknown) => logger.warn({ err: error }, 'auto-assignment failed'));
    }
    // The channel's tags were applied here with the push; WeChat needs them too (personalised menus by tag).
    if (outcome.touch?.channel.wechatTagIds.length) {
      channels.tagOnWechat(account.id, message.fromUserName, outcome.touch.channel.wechatTagIds).catch((error: unknown) => logger.warn({ err: error }, 'could not tag the fan on WeChat'));
    }
    // The user API needs a verified account (wechat-protocol.md §5.3).
    if (account.verified && message.msgType === 'event' && message.event === 'subscribe') {
      fans.enrichFromWechat(account.id, message.fromUserName).catch((error: unknown) => logger.debug({ err: error }, 'could not look up the new follower'));
    }
  });

  const jobRunner = new JobRunner(db, logger, config.nodeName);
  jobRunner.register(FAN_SYNC, new FanSyncJob(db, tokens, tags));
  jobRunner.register(FANS_BATCH, new FansBatchJob(fans, tags));
  jobRunner.register(BROADCAST_SEND, new BroadcastSendJob(db, tokens, broadcasts));

  const http = createHttpApp(logger, { trustProxy: config.trustProxy });
  await http.register(webhookRoutes, { pipeline, bodyLimit: config.webhook.bodyLimit });
  await http.register(async (api) => {
    await authPlugin(api, { sessions, operators });
    await api.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
    await api.register(authRoutes, { sessions, operators, audit, secureCookies: config.secureCookies });
    await api.register(accountsRoutes, { accounts, operators, audit, stats, publicUrl: config.publicUrl, wechat: config.wechat });
    await api.register(inboxRoutes, { inbox, realtime, canned, audit });
    await api.register(fansRoutes, { fans, tags, inbox, jobs, audit });
    await api.register(repliesRoutes, { replies, audit, accounts, registry, flows });
    await api.register(flowsRoutes, { flows, audit });
    await api.register(catalogueRoutes, { catalogue, audit });
    await api.register(storesRoutes, { stores, audit });
    await api.register(menusRoutes, { menus, accounts, audit });
    await api.register(qrChannelsRoutes, { channels, accounts, audit });
    await api.register(materialsRoutes, { materials, audit });
    await api.register(broadcastsRoutes, { broadcasts, audit });
    await api.register(loyaltyRoutes, { members, coupons, operators, audit });
  });
  await http.register(h5Routes, { accounts, members, coupons, sessions: fanSessions, endpoints: config.wechat, publicUrl: config.publicUrl, secureCookies: config.secureCookies });
  // Article images live on WeChat (mmbiz), or on the emulator in development and tests.
  serveConsole(http, { imageOrigins: articleImageOrigins(config.wechat) });
  await http.ready();

  // Background work starts last, once everything that can fail to assemble has been assembled.
  await registry.start();
  await realtime.start();
  if (config.services.has('worker')) await jobRunner.start();

  let closed = false;
  return {
    config,
    db,
    logger,
    accounts,
    replies,
    operators,
    sessions,
    audit,
    inbox,
    fans,
    tags,
    jobs,
    jobRunner,
    tokens,
    registry,
    flows,
    catalogue,
    stores,
    menus,
    channels,
    materials,
    broadcasts,
    members,
    coupons,
    fanSessions,
    pipeline,
    http,
    async listen() {
      return http.listen({ host: config.host, port: config.port });
    },
    async close() {
      if (closed) return;
      closed = true;
      await http.close();
      await jobRunner.stop();
      await writer.close();
      await realtime.stop();
      await registry.stop();
      await db.close();
    },
  };
}
