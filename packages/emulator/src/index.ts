/**
 * @zhanggui/emulator — a local stand-in for WeChat's servers (wechat-protocol.md), for tests, benchmarks
 * and the demo. Everything lives on one base URL (`emulator.url`):
 *
 * WeChat REST API (same paths as api.weixin.qq.com; HTTP 200 + errcode; access_token in the query):
 *   GET  /cgi-bin/token                        POST /cgi-bin/stable_token
 *   GET  /cgi-bin/getcallbackip, /cgi-bin/get_api_domain_ip
 *   POST /cgi-bin/openapi/quota/get, /cgi-bin/clear_quota           GET /cgi-bin/ticket/getticket
 *   GET  /cgi-bin/user/get, /cgi-bin/user/info  POST /cgi-bin/user/info/batchget, /cgi-bin/user/info/updateremark
 *   POST /cgi-bin/tags/create|update|delete|getidlist  GET /cgi-bin/tags/get  POST /cgi-bin/user/tag/get
 *   POST /cgi-bin/tags/members/batchtagging|batchuntagging|getblacklist|batchblacklist|batchunblacklist
 *   POST /cgi-bin/message/custom/send, /cgi-bin/message/custom/typing, /cgi-bin/message/template/send
 *   POST /cgi-bin/template/api_add_template|del_private_template  GET /cgi-bin/template/get_all_private_template|get_industry
 *   POST /cgi-bin/menu/create|addconditional|delconditional|trymatch  GET /cgi-bin/menu/get|delete, /cgi-bin/get_current_selfmenu_info
 *   POST /cgi-bin/qrcode/create                 GET /cgi-bin/showqrcode?ticket=  (PNG, or HTTP 404)
 *   POST /cgi-bin/media/upload|uploadimg|uploadnews|uploadvideo  GET /cgi-bin/media/get
 *   POST /cgi-bin/material/add_material|get_material|del_material|batchget_material  GET /cgi-bin/material/get_materialcount
 *   POST /cgi-bin/message/mass/sendall|send|preview|get|delete|speed/get|speed/set
 *   POST /cgi-bin/draft/add|get|delete|update|batchget  GET /cgi-bin/draft/count
 *   POST /cgi-bin/freepublish/submit|get|delete|getarticle|batchget (published pages: /_emulator/articles/:articleId/:idx)
 *   Unknown paths: HTTP 404 with {"errcode":-1,"errmsg":"emulator: no such API … rid: …"}.
 * OAuth: GET /connect/oauth2/authorize (fan picker page, or &openid= to skip it), GET /sns/oauth2/access_token,
 *   /sns/oauth2/refresh_token, /sns/userinfo, /sns/auth.
 * Phone: GET /phone (accounts and fans), /phone/:appId/:openid (chat), /phone/:appId/:openid/events (SSE).
 * Media bytes: GET /_emulator/media/:appId/:mediaId (PicUrl, uploadimg URLs, video_url, down_url).
 * Control API (JSON; errors are {error, message} with 400/404/409):
 *   GET|POST /_emulator/accounts, GET|PATCH|DELETE /_emulator/accounts/:appId
 *   POST /_emulator/fans {appId,count,subscribed?}; GET /_emulator/accounts/:appId/fans?offset&limit
 *   GET /_emulator/accounts/:appId/fan-openid/:index; GET /_emulator/accounts/:appId/fans/:openid[/phone]
 *   POST /_emulator/accounts/:appId/fans/:openid/actions/(follow|unfollow|text|image|location|location-event|click|view|scan)
 *   GET /_emulator/accounts/:appId/(counters|mass-deliveries[?full=1]|pushes|faults)
 *   POST|DELETE /_emulator/accounts/:appId/faults, DELETE /_emulator/faults
 *   POST /_emulator/accounts/:appId/(expire-tokens|templates), POST /_emulator/clock/advance {ms},
 *   POST /_emulator/reset, GET /_emulator/idle, GET /_emulator/health
 *
 * Programmatic: `const emu = await startEmulator({ port: 0 })`, then the methods of `Emulator`
 * (createAccount, updateAccount, createFans, fanOpenid, follow, unfollow, sendText, sendImage, sendLocation,
 * reportLocation, clickMenu, viewMenu, scanQr, phone, counters, massDeliveries, pushes, injectFault,
 * clearFaults, expireTokens, addTemplate, advanceClock, idle, reset, close). CLI: `runEmulatorCli(argv)`.
 */
export { Emulator, startEmulator, type EmulatorOptions, type FanView, type MassDeliveries } from './emulator.ts';
export { runEmulatorCli, type CliIo } from './cli.ts';
export type { AccountInput, AccountPatch } from './accounts/account.ts';
export type { EmulatedAccountInfo, PushLogEntry } from './accounts/account-state.ts';
export type { Fault } from './accounts/faults.ts';
export { CAPABILITIES, defaultPermissions, type AccountType, type Capability } from './accounts/permissions.ts';
export { DAILY_QUOTAS } from './accounts/quotas.ts';
export { EmulatorError } from './core/emulator-error.ts';
export { DEFAULT_LOCATION, type LocationInput } from './fans/fan-actions.service.ts';
export type { FanSnapshot, SubscribeScene } from './fans/fan.store.ts';
export type { Template } from './messages/template.store.ts';
export { SYSTEM_NOTICE } from './phone/phone.entries.ts';
export type { PhoneEntry, PhoneSide, PhoneSource } from './phone/phone.store.ts';
export { DEFAULT_DELIVERY, type DeliveryOptions, type DeliveryResult } from './push/push.service.ts';
