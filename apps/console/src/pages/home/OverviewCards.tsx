import { Card, Col, Row, Statistic } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { AccountOverview } from '@zhanggui/shared';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { formatNumber } from '../../i18n/format.ts';

interface OverviewCardsProps {
  overview: AccountOverview;
  accountId: number;
}

/** Fans and today's activity in one row, then the inbox workload. */
export function OverviewCards({ overview, accountId }: OverviewCardsProps) {
  const { t, language } = useI18n();
  const yesterday = overview.daily.at(-2);
  const delta = (today: number, before: number | undefined) => {
    if (before === undefined) return null;
    const diff = today - before;
    if (diff === 0) return <span className="zg-delta">{t('home.sameAsYesterday')}</span>;
    return (
      <span className={`zg-delta ${diff > 0 ? 'zg-delta--up' : 'zg-delta--down'}`}>
        {diff > 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />}{' '}
        {t(diff > 0 ? 'home.moreThanYesterday' : 'home.fewerThanYesterday', { n: formatNumber(Math.abs(diff), language) })}
      </span>
    );
  };

  const top: Array<{ key: string; title: MessageKey; value: number; foot: React.ReactNode }> = [
    {
      key: 'fans',
      title: 'home.fansTotal',
      value: overview.fans.total,
      foot: t('home.subscribedOf', { n: formatNumber(overview.fans.subscribed, language) }),
    },
    { key: 'follows', title: 'home.todayFollows', value: overview.today.newFollows, foot: delta(overview.today.newFollows, yesterday?.newFollows) },
    { key: 'unfollows', title: 'home.todayUnfollows', value: overview.today.unfollows, foot: delta(overview.today.unfollows, yesterday?.unfollows) },
    { key: 'messages', title: 'home.todayMessages', value: overview.today.messages, foot: delta(overview.today.messages, yesterday?.messages) },
  ];
  const inbox: Array<{ key: string; title: MessageKey; value: number; tone: string }> = [
    { key: 'open', title: 'home.openConversations', value: overview.conversations.open, tone: 'neutral' },
    { key: 'unanswered', title: 'home.unanswered', value: overview.conversations.unanswered, tone: 'warn' },
    { key: 'unread', title: 'home.unread', value: overview.conversations.unread, tone: 'accent' },
  ];

  return (
    <>
      <Row gutter={[16, 16]}>
        {top.map((card) => (
          <Col key={card.key} xs={12} xl={6}>
            <Card variant="borderless" className="zg-stat-card" data-testid={`overview-${card.key}`}>
              <Statistic title={t(card.title)} value={card.value} formatter={(value) => formatNumber(Number(value), language)} />
              <div className="zg-stat-foot">{card.foot}</div>
            </Card>
          </Col>
        ))}
      </Row>
      <Card variant="borderless" className="zg-inbox-strip" title={t('home.inboxTitle')} extra={<Link to={`/accounts/${accountId}/inbox`}>{t('home.openInbox')} <RightOutlined /></Link>}>
        <div className="zg-inbox-strip-grid">
          {inbox.map((item) => (
            <Link key={item.key} to={`/accounts/${accountId}/inbox`} className={`zg-inbox-metric zg-inbox-metric--${item.tone}`} data-testid={`overview-${item.key}`}>
              <span className="zg-inbox-metric-value">{formatNumber(item.value, language)}</span>
              <span className="zg-inbox-metric-label">{t(item.title)}</span>
            </Link>
          ))}
        </div>
      </Card>
    </>
  );
}
