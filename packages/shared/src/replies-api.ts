// Automatic replies, conversation flows, search replies and the store locator (issue 4) — JSON shapes.
// Routes (account-scoped; read: rules.view, write: rules.edit):
//   GET/POST /api/accounts/:id/rules            GET/PUT/DELETE /api/accounts/:id/rules/:ruleId      → RuleView
//   POST /api/accounts/:id/rules/test  RuleTestInput → RuleTestResult   (dry run: nothing is sent or stored)
//   GET/POST /api/accounts/:id/flows            GET/PUT/DELETE /api/accounts/:id/flows/:flowId      → FlowView
//   GET /api/accounts/:id/flows/:flowId/submissions?cursor= → Page<FlowSubmission>
//   GET/POST /api/accounts/:id/knowledge        PUT/DELETE /api/accounts/:id/knowledge/:entryId      → KnowledgeEntry
//   GET/POST /api/accounts/:id/products         PUT/DELETE /api/accounts/:id/products/:productId     → Product
//   GET/POST /api/accounts/:id/stores           PUT/DELETE /api/accounts/:id/stores/:storeId         → Store
//   POST /api/accounts/:id/stores/import  { csv } → StoreImportResult (all rows or none)
//   GET/PUT /api/accounts/:id/reply-settings  ReplySettings

/** exact: the whole message; contains: the message contains the keyword; prefix/suffix; regex: RE2 syntax (linear time). */
export type MatchType = 'exact' | 'contains' | 'prefix' | 'suffix' | 'regex';

export interface KeywordSpec {
  text: string;
  match: MatchType;
}

/** Active on these ISO weekdays (1 = Monday … 7 = Sunday) between from and to (HH:MM, account time zone; to < from spans midnight). */
export interface TimeWindow {
  days: number[];
  from: string;
  to: string;
}

/** A message the fan receives. In text, {{arg}} is the keyword's argument and {{name}} a collected value. */
export type MessageReply =
  | { type: 'text'; content: string }
  | { type: 'image'; mediaId: string }
  | { type: 'voice'; mediaId: string }
  | { type: 'video'; mediaId: string; title?: string; description?: string }
  | { type: 'music'; title?: string; description?: string; musicUrl?: string; hqMusicUrl?: string; thumbMediaId?: string }
  | { type: 'news'; articles: Array<{ title: string; description?: string; picUrl?: string; url?: string }> };

/** What a rule does: send a message, start a flow, search the knowledge base / catalogue, or list nearby stores. */
export type ReplyAction =
  | MessageReply
  | { type: 'transfer_customer_service' }
  | { type: 'flow'; flowId: number }
  /** Searches with the keyword's argument (or the whole message) and answers with the best matches as news. */
  | { type: 'search'; scope: 'all' | 'knowledge' | 'products'; notFound?: string }
  /** The nearest stores to the fan's location (a location message, or the last one we know, for "附近 ATM"). */
  | { type: 'stores_nearby'; notFound?: string }
  /** Issues the fan's membership card (the same card when they have one) and answers with it. */
  | { type: 'member_card' }
  /** Issues a coupon of this template (once per push, within stock and the per-fan limit) and answers with it. */
  | { type: 'coupon'; templateId: number }
  /** The daily check-in (签到), answered with the points given and the streak. */
  | { type: 'checkin' };

export type RuleTrigger = 'subscribe' | 'default' | 'keyword' | 'message_type';
export type InboundMessageType = 'image' | 'voice' | 'video' | 'shortvideo' | 'location' | 'link';

export interface RuleInput {
  name: string;
  trigger: RuleTrigger;
  /** For trigger "keyword". */
  keywords?: KeywordSpec[];
  /** For trigger "message_type": answer these kinds of fan messages. */
  messageTypes?: InboundMessageType[];
  /** Match keywords case-insensitively (default true). */
  ignoreCase?: boolean;
  /** Treat full-width and half-width characters alike, e.g. "ＡＢＣ１２３" = "ABC123" (default true). */
  foldWidth?: boolean;
  replies: ReplyAction[];
  /** random: one reply at random; all: the first passively, the rest as customer-service messages (verified accounts). */
  replyMode?: 'random' | 'all';
  /** Higher wins when several rules match. */
  priority?: number;
  enabled?: boolean;
  /** Empty or absent: always active. */
  schedule?: TimeWindow[];
}

export interface RuleView extends Required<Omit<RuleInput, 'keywords' | 'messageTypes'>> {
  id: number;
  keywords: KeywordSpec[];
  messageTypes: InboundMessageType[];
  hits: { today: number; last7Days: number; total: number };
  createdAt: string;
  updatedAt: string;
}

/** A step of a flow: what is sent on entering it, and how the fan's answer is handled. */
export interface FlowStep {
  /** Unique within the flow, e.g. "menu", "level1", "address". */
  id: string;
  name?: string;
  /** Sent when the fan enters this step. */
  messages: MessageReply[];
  /** choice: branch on the answer; input: collect a value; end: the flow ends after sending the messages. */
  kind: 'choice' | 'input' | 'end';
  choices?: FlowChoice[];
  /** choice: sent when no choice matches (the fan stays on this step). */
  otherwise?: string;
  input?: FlowInputSpec;
  /** end: keep the collected values for the operator (orders by chat, sign-ups). */
  submit?: boolean;
}

export interface FlowChoice {
  /** exact: the answer equals value; number: the answer is this number (02 = 2) or within min–max; regex; any: anything. */
  match: { type: 'exact' | 'number' | 'regex' | 'any'; value?: string; min?: number; max?: number };
  /** Sent for this choice, before the next step's messages. */
  messages?: MessageReply[];
  /** The step to go to; absent: stay on this step (e.g. show an item, keep the menu). */
  next?: string;
  /** Values to remember, e.g. { product: "牛仔裤" }; "{{answer}}" is the fan's reply. */
  set?: Record<string, string>;
  /** Added to the fan's score (quizzes). */
  score?: number;
}

export interface FlowInputSpec {
  /** Where the value is kept, e.g. "address"; usable as {{address}} later. */
  key: string;
  validate: 'text' | 'phone' | 'number' | 'regex';
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  next: string;
  /** Sent when the answer is not valid; the fan stays on the step. */
  invalidMessage: string;
}

export interface FlowInput {
  name: string;
  enabled?: boolean;
  /** Exact keywords that start the flow (flows can also be started by a rule, a menu or a QR code). */
  entryKeywords?: string[];
  /** Words that leave the flow at any step, e.g. 退出. */
  exitWords?: string[];
  exitMessage?: string;
  /** Minutes without an answer after which the flow ends silently. */
  timeoutMinutes?: number;
  startStep: string;
  steps: FlowStep[];
  /** The first `limit` fans to reach an end step win (a maze quiz's prize). */
  finishers?: { limit: number; winnerMessage: string; otherMessage?: string };
}

export interface FlowView extends Required<Omit<FlowInput, 'finishers'>> {
  id: number;
  finishers: FlowInput['finishers'] | null;
  stats: { active: number; completed: number; submissions: number; winners: number };
  createdAt: string;
  updatedAt: string;
}

export interface FlowSubmission {
  id: number;
  fan: { id: number; openid: string; displayName: string };
  data: Record<string, string>;
  score: number;
  /** 1 for the first fan to finish, … (null when the flow has no finisher prize). */
  rank: number | null;
  winner: boolean;
  createdAt: string;
}

export interface KnowledgeEntry {
  id: number;
  title: string;
  body: string;
  imageUrl: string | null;
  link: string | null;
  keywords: string[];
  enabled: boolean;
}
export type KnowledgeInput = Omit<KnowledgeEntry, 'id' | 'imageUrl' | 'link' | 'enabled'> & { imageUrl?: string | null; link?: string | null; enabled?: boolean };

export interface Product {
  id: number;
  name: string;
  /** Price in fen (分). */
  priceFen: number;
  imageUrl: string | null;
  link: string | null;
  category: string | null;
  description: string | null;
  stock: number | null;
  keywords: string[];
  enabled: boolean;
}
export type ProductInput = Pick<Product, 'name' | 'priceFen'> & Partial<Omit<Product, 'id' | 'name' | 'priceFen'>>;

export interface Store {
  id: number;
  name: string;
  address: string;
  phone: string | null;
  hours: string | null;
  /** GCJ-02, as WeChat location messages and Chinese map apps use. */
  latitude: number;
  longitude: number;
  imageUrl: string | null;
  /** For "附近 + keyword", e.g. ATM, 停车. */
  keywords: string[];
  enabled: boolean;
}
export type StoreInput = Pick<Store, 'name' | 'address' | 'latitude' | 'longitude'> & Partial<Omit<Store, 'id' | 'name' | 'address' | 'latitude' | 'longitude'>>;

/** CSV header: name,address,phone,hours,latitude,longitude,image_url,keywords (keywords separated by |). */
export interface StoreImportResult {
  imported: number;
  errors: Array<{ line: number; message: string }>;
}

export interface ReplySettings {
  /** Answer LOCATION events (sent when a fan opens the chat, if the account reports locations) with nearby stores. */
  replyToLocationEvents: boolean;
}

export type RuleTestInput = {
  /** Simulate this fan (their flow state and last location); default: a fresh fan. */
  openid?: string;
  message:
    | { type: 'text'; content: string }
    | { type: 'location'; latitude: number; longitude: number; label?: string }
    | { type: 'image' | 'voice' | 'video' | 'link' }
    | { type: 'event'; event: 'subscribe' | 'CLICK' | 'SCAN' | 'LOCATION'; eventKey?: string; latitude?: number; longitude?: number };
};

export interface RuleTestResult {
  /** What decided the answer. */
  source: 'flow' | 'rule' | 'welcome' | 'default' | 'message_type' | 'channel' | 'menu' | 'loyalty' | 'none';
  rule: { id: number; name: string; keyword: KeywordSpec | null; argument: string | null } | null;
  flow: { id: number; name: string; step: string; nextStep: string | null; ended: boolean } | null;
  /** The passive reply (in the HTTP response) and what would follow as customer-service messages. */
  passive: MessageReply | null;
  followUps: MessageReply[];
  /** Rules skipped and why (outside their time window, disabled…), trimming, etc. */
  notes: string[];
  /** How long the decision took on the server, in microseconds. */
  micros: number;
}
