import { NEWS_LIMITS, type NewsArticleView, type NewsDraftView, type NewsInput } from '@zhanggui/shared';
import type { PathIssue } from '../../../api/field-errors.ts';
import type { MessageKey } from '../../../i18n/i18n.tsx';

/** One article as the editor holds it: strings for every text field, the cover possibly not chosen yet. */
export interface ArticleDraft {
  /** A React key that survives reordering. */
  key: string;
  title: string;
  author: string;
  digest: string;
  coverMaterialId: number | null;
  content: string;
  sourceUrl: string;
  showCover: boolean;
  needOpenComment: boolean;
  onlyFansCanComment: boolean;
}

export type ArticleField = 'title' | 'author' | 'digest' | 'coverMaterialId' | 'content' | 'sourceUrl';
export type ArticleProblems = Partial<Record<ArticleField, string>>;

let nextKey = 0;
const newKey = () => `article-${++nextKey}`;

export function emptyArticle(): ArticleDraft {
  return { key: newKey(), title: '', author: '', digest: '', coverMaterialId: null, content: '', sourceUrl: '', showCover: false, needOpenComment: false, onlyFansCanComment: false };
}

export function articleDrafts(news: NewsDraftView | 'new'): ArticleDraft[] {
  if (news === 'new') return [emptyArticle()];
  return news.articles.map((article: NewsArticleView) => ({ ...article, key: newKey() }));
}

export function newsInput(articles: ArticleDraft[]): NewsInput {
  return {
    articles: articles.map((article) => ({
      title: article.title.trim(),
      author: article.author.trim() || null,
      digest: article.digest.trim() || null,
      coverMaterialId: article.coverMaterialId ?? 0,
      content: article.content,
      sourceUrl: article.sourceUrl.trim() || null,
      showCover: article.showCover,
      needOpenComment: article.needOpenComment,
      onlyFansCanComment: article.needOpenComment && article.onlyFansCanComment,
    })),
  };
}

/** True when the body has neither text nor a picture (an empty editor leaves `<p><br></p>`). */
export function isEmptyContent(html: string): boolean {
  return !/<img\b/i.test(html) && html.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').trim() === '';
}

/** What the server would refuse, said before saving (keys of the messages; the server checks again). */
export function articleProblems(article: ArticleDraft): Partial<Record<ArticleField, MessageKey>> {
  const problems: Partial<Record<ArticleField, MessageKey>> = {};
  if (!article.title.trim()) problems.title = 'news.problem.title';
  if (article.coverMaterialId === null) problems.coverMaterialId = 'news.problem.cover';
  if (isEmptyContent(article.content)) problems.content = 'news.problem.content';
  // The server counts the sanitised HTML, tags and styles included: ours is close to it.
  else if (article.content.length >= NEWS_LIMITS.content) problems.content = 'news.problem.contentLong';
  if (article.sourceUrl.trim() && !/^https?:\/\/\S+$/i.test(article.sourceUrl.trim())) problems.sourceUrl = 'news.problem.sourceUrl';
  return problems;
}

/** The server's field problems (articles.2.title) by article index, for the fields the form shows. */
export function serverProblems(issues: PathIssue[]): Map<number, ArticleProblems> {
  const byArticle = new Map<number, ArticleProblems>();
  for (const issue of issues) {
    const [list, index, field] = issue.path;
    if (list !== 'articles' || typeof index !== 'number' || typeof field !== 'string') continue;
    const problems = byArticle.get(index) ?? {};
    problems[field as ArticleField] ??= issue.message;
    byArticle.set(index, problems);
  }
  return byArticle;
}

export function move<T>(items: T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length) return items;
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}
