import { NumericIdSequence, randomString } from '../core/ids.ts';
import { WxError } from '../core/wx-error.ts';

export interface Template {
  template_id: string;
  title: string;
  primary_industry: string;
  deputy_industry: string;
  content: string;
  example: string;
}

/** At most 25 private templates per account (§4.4, 45026). */
export const MAX_TEMPLATES = 25;
/** The same touser + client_msg_id is delivered once within 10 minutes (§4.4). */
export const CLIENT_MSG_ID_WINDOW_MS = 10 * 60_000;

/** Private message templates and template-send bookkeeping of one account. */
export class TemplateStore {
  private readonly templates = new Map<string, Template>();
  private readonly sent = new Map<string, { msgid: number; at: number }>();
  readonly msgIds = new NumericIdSequence(200_228_000);

  add(input: { title?: string; content?: string; templateId?: string; shortId?: string }): Template {
    if (this.templates.size >= MAX_TEMPLATES) throw new WxError(45026);
    const template: Template = {
      template_id: input.templateId ?? randomString(43, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'),
      title: input.title ?? `模板 ${input.shortId ?? this.templates.size + 1}`,
      primary_industry: 'IT科技',
      deputy_industry: '互联网|电子商务',
      content: input.content ?? '{{first.DATA}}\n内容：{{keyword1.DATA}}\n时间：{{keyword2.DATA}}\n{{remark.DATA}}',
      example: '',
    };
    this.templates.set(template.template_id, template);
    return template;
  }

  get(id: unknown): Template | undefined {
    return typeof id === 'string' ? this.templates.get(id) : undefined;
  }

  delete(id: unknown): void {
    if (typeof id !== 'string' || !this.templates.delete(id)) throw new WxError(40037);
  }

  list(): Template[] {
    return [...this.templates.values()];
  }

  /** The msgid of a send with the same touser + client_msg_id in the last 10 minutes, if any. */
  duplicate(touser: string, clientMsgId: string, now: number): number | undefined {
    const previous = this.sent.get(`${touser}\n${clientMsgId}`);
    return previous && now - previous.at < CLIENT_MSG_ID_WINDOW_MS ? previous.msgid : undefined;
  }

  remember(touser: string, clientMsgId: string, msgid: number, now: number): void {
    for (const [key, value] of this.sent) if (now - value.at >= CLIENT_MSG_ID_WINDOW_MS) this.sent.delete(key);
    this.sent.set(`${touser}\n${clientMsgId}`, { msgid, at: now });
  }

  export(): Template[] {
    return this.list();
  }

  import(templates: Template[]): void {
    for (const template of templates) this.templates.set(template.template_id, template);
  }
}
