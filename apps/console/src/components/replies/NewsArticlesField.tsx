import { Alert, Button, Form, Input } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/i18n.tsx';
import { MAX_NEWS_ARTICLES } from './reply-actions.ts';

interface NewsArticlesFieldProps {
  field: number;
  path: Array<string | number>;
  testId: string;
}

/** 1–8 articles. A reply to a fan's message shows only the first one (WeChat's rule since 2018). */
export function NewsArticlesField({ field, path, testId }: NewsArticlesFieldProps) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const count = ((Form.useWatch([...path, 'articles'], form) as unknown[] | undefined) ?? []).length;
  return (
    <>
      {count > 1 && <Alert type="warning" showIcon title={t('reply.news.firstOnly')} className="zg-action-alert" />}
      <Form.List name={[field, 'articles']}>
        {(articles, { add, remove }) => (
          <div className="zg-articles">
            {articles.map((article, index) => (
              <div className="zg-article" key={article.key}>
                <div className="zg-article-head">
                  <span>{t('reply.news.article', { n: index + 1 })}</span>
                  {articles.length > 1 && (
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(article.name)} aria-label={t('common.delete')} />
                  )}
                </div>
                <div className="zg-action-grid">
                  <Form.Item name={[article.name, 'title']} label={t('reply.news.title')} rules={[{ required: true, whitespace: true, message: t('reply.news.titleRequired') }]}>
                    <Input maxLength={64} data-testid={`${testId}-article-${index}-title`} />
                  </Form.Item>
                  <Form.Item name={[article.name, 'url']} label={t('reply.news.url')} rules={[{ type: 'url', message: t('reply.urlInvalid') }]}>
                    <Input placeholder="https://" data-testid={`${testId}-article-${index}-url`} />
                  </Form.Item>
                  <Form.Item name={[article.name, 'description']} label={t('reply.news.description')}>
                    <Input maxLength={240} />
                  </Form.Item>
                  <Form.Item name={[article.name, 'picUrl']} label={t('reply.news.picUrl')} rules={[{ type: 'url', message: t('reply.urlInvalid') }]}>
                    <Input placeholder="https://" />
                  </Form.Item>
                </div>
              </div>
            ))}
            {articles.length < MAX_NEWS_ARTICLES && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => add({ title: '', description: '', picUrl: '', url: '' })} data-testid={`${testId}-add-article`}>
                {t('reply.news.add', { n: articles.length, max: MAX_NEWS_ARTICLES })}
              </Button>
            )}
          </div>
        )}
      </Form.List>
    </>
  );
}
