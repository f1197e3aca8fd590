import type { MenuIssue, MenuSet } from '@zhanggui/shared';
import type { Language, Translate } from '../../i18n/i18n.tsx';
import { describeIssuePath } from '../../components/replies/issue-path.ts';
import type { ButtonRef, Path } from './menu-form.ts';

export const issueText = (issue: MenuIssue, language: Language): string => (language === 'en' ? issue.en : issue.zh);

const startsWith = (path: Path, prefix: Path) => prefix.length <= path.length && prefix.every((part, index) => String(part) === String(path[index]));

/** Problems about exactly this field. */
export function issuesAt(issues: MenuIssue[], path: Path): MenuIssue[] {
  return issues.filter((issue) => issue.path.length === path.length && startsWith(issue.path, path));
}

/** Problems about this button or menu, or anything inside it. */
export function issuesUnder(issues: MenuIssue[], prefix: Path): MenuIssue[] {
  return issues.filter((issue) => startsWith(issue.path, prefix));
}

/** A Form.Item's error state and message from the live check (rather than antd rules: one validator, shared with the server). */
export function fieldStatus(issues: MenuIssue[], path: Path, language: Language): { validateStatus?: 'error'; help?: string } {
  const found = issuesAt(issues, path);
  return found.length ? { validateStatus: 'error', help: found.map((issue) => issueText(issue, language)).join(language === 'en' ? '; ' : '；') } : {};
}

/** Which menu (null: the default one, else the personalised menu's index) and button an issue is about. */
export function issueTarget(path: Path): { menuIndex: number | null; ref: ButtonRef | null } {
  const conditional = path[0] === 'conditional' && typeof path[1] === 'number';
  const menuIndex = conditional ? (path[1] as number) : null;
  const rest = conditional ? path.slice(2) : path;
  if (rest[0] !== 'buttons' || typeof rest[1] !== 'number') return { menuIndex, ref: null };
  return { menuIndex, ref: { top: rest[1], sub: rest[2] === 'subButtons' && typeof rest[3] === 'number' ? rest[3] : null } };
}

const FIELDS = ['name', 'type', 'key', 'url', 'appid', 'pagepath', 'mediaId', 'articleId', 'matchRule', 'subButtons'] as const;
type Field = (typeof FIELDS)[number];
const isField = (part: unknown): part is Field => (FIELDS as readonly unknown[]).includes(part);

/** An issue's path in words: 个性化菜单「iOS 用户」 › 一级菜单 2「活动」 › 子菜单 1 › 链接. */
export function describeMenuPath(path: Path, set: MenuSet, t: Translate): string {
  const parts: string[] = [];
  let buttons = set.buttons;
  for (let index = 0; index < path.length; index++) {
    const part = path[index];
    const next = path[index + 1];
    if (part === 'conditional' && typeof next === 'number') {
      const menu = set.conditional[next];
      parts.push(t('menus.path.conditional', { name: menu?.name || t('menus.untitled') }));
      buttons = menu?.buttons ?? [];
      index++;
    } else if (part === 'conditional') {
      parts.push(t('menus.conditional'));
    } else if (part === 'buttons' && typeof next === 'number') {
      if (index === 0) parts.push(t('menus.default'));
      const name = buttons[next]?.name;
      parts.push(name ? t('menus.path.topNamed', { n: next + 1, name }) : t('menus.path.top', { n: next + 1 }));
      buttons = buttons[next]?.subButtons ?? [];
      index++;
    } else if (part === 'buttons') {
      if (index === 0) parts.push(t('menus.default'));
    } else if (part === 'subButtons' && typeof next === 'number') {
      const name = buttons[next]?.name;
      parts.push(name ? t('menus.path.subNamed', { n: next + 1, name }) : t('menus.path.sub', { n: next + 1 }));
      index++;
    } else if (isField(part)) {
      parts.push(t(`menus.field.${part}`));
    } else {
      // Inside a button's replies (a schema error from the server): the rules' wording, 回复 1 › 内容.
      parts.push(describeIssuePath(path.slice(index), t));
      break;
    }
  }
  return parts.join(' › ');
}
