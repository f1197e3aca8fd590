import { Form, Input, Radio } from 'antd';
import type { MenuButtonType, MenuIssue, ReplyAction } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { ACTION_TYPES } from '../../components/replies/reply-actions.ts';
import { ReplyActionsEditor } from '../../components/replies/ReplyActionsEditor.tsx';
import type { FlowOption } from '../../components/replies/ReplyActionFields.tsx';
import { isKeyType, type Path } from './menu-form.ts';
import { fieldStatus } from './menu-issues.ts';

interface ButtonActionFieldsProps {
  type: MenuButtonType;
  /** The button's form path. */
  path: Path;
  issues: MenuIssue[];
  flows: FlowOption[];
  disabled: boolean;
}

/** The fields of a button's type: a link, a mini program, a material or article id, or a key and its replies. */
export function ButtonActionFields({ type, path, issues, flows, disabled }: ButtonActionFieldsProps) {
  const { t, language } = useI18n();
  const form = Form.useFormInstance();
  const replyCount = ((Form.useWatch([...path, 'replies'], { form, preserve: true }) as ReplyAction[] | undefined) ?? []).length;
  const status = (field: string) => fieldStatus(issues, [...path, field], language);
  const url = (label: string, extra?: string) => (
    <Form.Item name={[...path, 'url']} label={label} extra={extra} {...status('url')}>
      <Input placeholder="https://" maxLength={1024} data-testid="menu-button-url" />
    </Form.Item>
  );

  if (isKeyType(type)) {
    return (
      <>
        <Form.Item name={[...path, 'key']} label={t('menus.field.key')} extra={t('menus.keyHelp')} {...status('key')}>
          <Input className="zg-mono" placeholder={t('menus.keyPlaceholder')} maxLength={128} data-testid="menu-button-key" />
        </Form.Item>
        <section className="zg-menu-replies">
          <h4>{t('menus.replies')}</h4>
          <p className="zg-field-help">{t(type === 'click' ? 'menus.repliesHelp' : 'menus.repliesHelpEvent')}</p>
          <ReplyActionsEditor name={[...path, 'replies']} path={[...path, 'replies']} types={ACTION_TYPES} flows={flows} disabled={disabled} textHint={t('reply.text.linkHint')} testId="menu-reply" />
          {replyCount > 1 && (
            <Form.Item name={[...path, 'replyMode']} label={t('reply.mode')} extra={t('reply.mode.help')} className="zg-menu-reply-mode">
              <Radio.Group
                options={[
                  { value: 'random', label: t('reply.mode.random') },
                  { value: 'all', label: t('reply.mode.all') },
                ]}
              />
            </Form.Item>
          )}
        </section>
      </>
    );
  }
  switch (type) {
    case 'view':
      return url(t('menus.field.url'));
    case 'miniprogram':
      return (
        <>
          <Form.Item name={[...path, 'appid']} label={t('menus.field.appid')} {...status('appid')}>
            <Input className="zg-mono" placeholder="wx1234567890abcdef" maxLength={64} data-testid="menu-button-appid" />
          </Form.Item>
          <Form.Item name={[...path, 'pagepath']} label={t('menus.field.pagepath')} {...status('pagepath')}>
            <Input className="zg-mono" placeholder="pages/index/index" maxLength={256} data-testid="menu-button-pagepath" />
          </Form.Item>
          {url(t('menus.field.fallbackUrl'), t('menus.fallbackUrlHelp'))}
        </>
      );
    case 'media_id':
    case 'view_limited':
      return (
        <Form.Item name={[...path, 'mediaId']} label={t('menus.field.mediaId')} extra={t('reply.media.help')} {...status('mediaId')}>
          <Input className="zg-mono" placeholder="media_id" maxLength={128} data-testid="menu-button-media" />
        </Form.Item>
      );
    default:
      return (
        <Form.Item name={[...path, 'articleId']} label={t('menus.field.articleId')} extra={t('menus.articleIdHelp')} {...status('articleId')}>
          <Input className="zg-mono" placeholder="article_id" maxLength={128} data-testid="menu-button-article" />
        </Form.Item>
      );
  }
}
