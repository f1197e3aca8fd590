import { NumericIdSequence } from '../core/ids.ts';
import { WxError } from '../core/wx-error.ts';
import { linkDomains, type MatchRule, type StoredButton } from './menu.rules.ts';

export interface ConditionalMenu {
  button: StoredButton[];
  matchrule: MatchRule;
  menuid: string;
}

/** What a fan sees: the buttons, and the conditional menu's id when one matched (VIEW pushes carry MenuId). */
export interface FanMenu {
  button: StoredButton[];
  menuid?: string;
}

const MAX_CONDITIONAL_DOMAINS = 3;

/** The default menu and the conditional menus of one account (§4.8). */
export class MenuStore {
  default: { button: StoredButton[]; menuid: string } | null = null;
  conditional: ConditionalMenu[] = [];
  private readonly ids = new NumericIdSequence(400_000_000);

  /** menu/create replaces the whole default menu. */
  create(button: StoredButton[]): void {
    this.default = { button, menuid: String(this.ids.take()) };
  }

  /** menu/delete removes the default and every conditional menu. */
  delete(): void {
    this.default = null;
    this.conditional = [];
  }

  addConditional(button: StoredButton[], matchrule: MatchRule): string {
    if (!this.default) throw new WxError(65303);
    const domains = new Set([...this.conditional.flatMap((menu) => linkDomains(menu.button)), ...linkDomains(button)]);
    if (domains.size > MAX_CONDITIONAL_DOMAINS) throw new WxError(65316);
    const menuid = String(this.ids.take());
    this.conditional.push({ button, matchrule, menuid });
    return menuid;
  }

  deleteConditional(menuid: unknown): void {
    const index = this.conditional.findIndex((menu) => menu.menuid === String(menuid));
    if (index < 0) throw new WxError(65301);
    this.conditional.splice(index, 1);
  }

  /**
   * The menu a fan sees: conditional menus newest first; a tag rule compares with the tag the fan got last;
   * the default menu otherwise (§4.8).
   */
  forFan(lastTag: number | undefined, platform: number): FanMenu | null {
    if (!this.default) return null;
    for (let i = this.conditional.length - 1; i >= 0; i--) {
      const menu = this.conditional[i]!;
      const rule = menu.matchrule;
      if (rule.tag_id !== undefined && String(lastTag ?? '') !== rule.tag_id) continue;
      if (rule.client_platform_type !== undefined && rule.client_platform_type !== String(platform)) continue;
      return { button: menu.button, menuid: menu.menuid };
    }
    return { button: this.default.button };
  }

  /** Whether a permanent media_id is used by a menu button (del_material answers 48005). */
  usesMedia(mediaId: string): boolean {
    const all = [...(this.default?.button ?? []), ...this.conditional.flatMap((m) => m.button)];
    return all.some((b) => (b.sub_button ?? [b]).some((leaf) => leaf.media_id === mediaId));
  }

  export(): { default: MenuStore['default']; conditional: ConditionalMenu[] } {
    return { default: this.default, conditional: this.conditional };
  }

  import(data: { default: MenuStore['default']; conditional: ConditionalMenu[] }): void {
    this.default = data.default;
    this.conditional = data.conditional;
  }
}

/** Finds a leaf button in a menu. */
export function findButton(menu: FanMenu | null, predicate: (button: StoredButton) => boolean): StoredButton | undefined {
  for (const button of menu?.button ?? []) {
    for (const leaf of button.sub_button ?? [button]) if (predicate(leaf)) return leaf;
  }
  return undefined;
}
