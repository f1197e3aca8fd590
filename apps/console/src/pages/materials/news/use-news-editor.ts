import { useMemo, useState } from 'react';
import type { NewsDraftView } from '@zhanggui/shared';
import { pathIssues, type PathIssue } from '../../../api/field-errors.ts';
import { useErrorText } from '../../../hooks/use-error-text.ts';
import type { Translate } from '../../../i18n/i18n.tsx';
import { articleDrafts, articleProblems, emptyArticle, move, newsInput, serverProblems, type ArticleDraft, type ArticleProblems } from './news-form.ts';

/** The editor's articles, which one is open, and what is wrong with them (ours once a save was tried, and the server's). */
export function useNewsEditor(news: NewsDraftView | 'new', t: Translate) {
  const errorText = useErrorText();
  const [articles, setArticles] = useState<ArticleDraft[]>(() => articleDrafts(news));
  const [initial] = useState(() => JSON.stringify(newsInput(articles)));
  const [selected, setSelected] = useState(0);
  const [checked, setChecked] = useState(false);
  const [failure, setFailure] = useState<{ message: string; issues: PathIssue[] } | null>(null);

  const problems = useMemo(() => {
    const fromServer = serverProblems(failure?.issues ?? []);
    return articles.map((article, index): ArticleProblems => {
      const ours = checked ? articleProblems(article) : {};
      const translated = Object.fromEntries(Object.entries(ours).map(([field, key]) => [field, t(key)]));
      return { ...fromServer.get(index), ...translated };
    });
  }, [articles, checked, failure, t]);
  const flagged = new Set(problems.flatMap((found, index) => (Object.keys(found).length ? [index] : [])));

  const update = (index: number, patch: Partial<ArticleDraft>) => setArticles((items) => items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const add = () => {
    setArticles((items) => [...items, emptyArticle()]);
    setSelected(articles.length);
  };
  const remove = (index: number) => {
    setArticles((items) => items.filter((_, i) => i !== index));
    setSelected((open) => Math.max(0, open > index || open === articles.length - 1 ? open - 1 : open));
    setFailure(null);
  };
  const reorder = (from: number, to: number) => {
    setArticles((items) => move(items, from, to));
    setSelected(to);
    // The server's problems name positions that have just changed.
    setFailure(null);
  };

  /** Checks before saving; opens the first article with a problem. */
  const ready = (): boolean => {
    setChecked(true);
    const first = articles.findIndex((article) => Object.keys(articleProblems(article)).length > 0);
    if (first >= 0) setSelected(first);
    return first < 0;
  };
  const showFailure = (error: unknown) => {
    const issues = pathIssues(error);
    setFailure({ message: errorText(error), issues });
    const first = serverProblems(issues).keys().next();
    if (!first.done) setSelected(first.value);
  };

  return {
    articles,
    selected: Math.min(selected, articles.length - 1),
    select: setSelected,
    problems,
    flagged,
    failure,
    dirty: JSON.stringify(newsInput(articles)) !== initial,
    input: () => newsInput(articles),
    update,
    add,
    remove,
    reorder,
    ready,
    showFailure,
    clearFailure: () => setFailure(null),
  };
}
