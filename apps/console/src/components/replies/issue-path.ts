import type { Translate } from '../../i18n/i18n.tsx';

/** Lists whose items read better by number: keywords.1 → 关键词 2. */
const LISTS: Record<
  string,
  'path.keywords' | 'path.replies' | 'path.articles' | 'path.schedule' | 'path.steps' | 'path.choices' | 'path.messages' | 'path.entryKeywords' | 'path.levels' | 'path.streak'
> = {
  keywords: 'path.keywords',
  replies: 'path.replies',
  articles: 'path.articles',
  schedule: 'path.schedule',
  steps: 'path.steps',
  choices: 'path.choices',
  messages: 'path.messages',
  entryKeywords: 'path.entryKeywords',
  levels: 'path.levels',
  streak: 'path.streak',
};

/** Field names in words; anything else is shown as the server named it. */
const FIELDS = ['text', 'content', 'match', 'value', 'next', 'title', 'url', 'picUrl', 'from', 'to', 'days', 'id', 'pattern', 'input', 'mediaId', 'startStep', 'name', 'threshold', 'payPercent', 'benefits'] as const;
type FieldName = (typeof FIELDS)[number];
const isField = (part: string): part is FieldName => (FIELDS as readonly string[]).includes(part);

/** A server error's path in words, e.g. ['steps', 2, 'choices', 0, 'next'] → "步骤 3 › 选项 1 › 下一步". */
export function describeIssuePath(path: Array<string | number>, t: Translate, stepIds: string[] = []): string {
  const parts: string[] = [];
  for (let index = 0; index < path.length; index++) {
    const part = path[index];
    const next = path[index + 1];
    const list = typeof part === 'string' ? LISTS[part] : undefined;
    if (list && typeof next === 'number') {
      const stepId = part === 'steps' ? stepIds[next] : undefined;
      parts.push(stepId ? t('path.step', { n: next + 1, id: stepId }) : t(list, { n: next + 1 }));
      index++;
    } else if (typeof part === 'string' && isField(part)) {
      parts.push(t(`path.field.${part}`));
    } else parts.push(String(part));
  }
  return parts.join(' › ');
}
