import type { MessageReply } from '@zhanggui/shared';
import { useI18n, type Translate } from '../../../i18n/i18n.tsx';
import { useAccount } from '../../../session/account-context.tsx';
import { PhonePreview } from '../../../components/replies/PhonePreview.tsx';
import type { PhoneItem } from '../../../components/replies/phone-items.ts';
import type { ComposeValues } from './compose-form.ts';
import type { ComposeSources } from './use-compose-sources.ts';

/** What fans will see in the chat: the text, the picture or player, or the news card. */
export function BroadcastPhone({ message, sources }: { message: ComposeValues['message'] | undefined; sources: ComposeSources }) {
  const { t } = useI18n();
  const { account } = useAccount();
  const item = message ? phoneItem(message, sources, t) : null;
  return <PhonePreview title={account.name} items={item ? [item] : []} empty={t('broadcasts.phone.empty')} className="zg-broadcast-phone" testId="broadcast-phone" />;
}

function phoneItem(message: ComposeValues['message'], sources: ComposeSources, t: Translate): PhoneItem | null {
  const reply = (value: MessageReply, caption?: string): PhoneItem => ({ kind: 'reply', reply: value, caption });
  switch (message.type) {
    case 'text':
      return message.content?.trim() ? reply({ type: 'text', content: message.content }) : null;
    case 'news': {
      const news = sources.news.find((draft) => draft.id === message.newsId);
      if (!news) return null;
      // Cover URLs are ours and relative; the phone card only shows absolute web addresses.
      const articles = news.articles.map((article) => ({ title: article.title, description: article.digest, picUrl: new URL(article.coverUrl, window.location.origin).href }));
      return reply({ type: 'news', articles: articles.slice(0, 1) }, articles.length > 1 ? t('broadcasts.phone.articles', { n: articles.length }) : undefined);
    }
    default: {
      const material = sources.materials.find((candidate) => candidate.id === message.materialId);
      if (!material) return null;
      const caption = material.title || material.name;
      if (message.type === 'video') return reply({ type: 'video', mediaId: material.wechatMediaId, title: material.title ?? undefined, description: material.description ?? undefined });
      return reply({ type: message.type, mediaId: material.wechatMediaId }, caption);
    }
  }
}
