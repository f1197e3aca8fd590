import { useRef, useState, type ReactNode } from 'react';
import { App, Button, Input, Popover, Space, Tooltip } from 'antd';
import {
  AlignCenterOutlined,
  AlignLeftOutlined,
  AlignRightOutlined,
  BoldOutlined,
  FontColorsOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  PictureOutlined,
  UnderlineOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { ARTICLE_IMAGE_LIMITS } from '@zhanggui/shared';
import { materialsApi } from '../../../api/materials.api.ts';
import { useI18n, type MessageKey } from '../../../i18n/i18n.tsx';
import { useAccount } from '../../../session/account-context.tsx';
import { useNotifyError } from '../../../hooks/use-error-text.ts';
import { acceptOf, articleImageProblem } from '../material-files.ts';
import type { RichEditor } from './use-rich-editor.ts';

/** Colours that read well on WeChat's white article page. */
const COLOURS = ['#333333', '#888888', '#07b05a', '#2f7df6', '#e5484d', '#f59f00', '#7c5cff', '#d6409f'];

/** The body editor's toolbar. Buttons keep the focus in the text (mousedown is swallowed) so the selection stays. */
export function RichToolbar({ editor }: { editor: RichEditor }) {
  const { t } = useI18n();
  const { block, bold, italic, underline } = editor.state;
  const tool = (key: MessageKey, icon: ReactNode, action: () => void, active = false, testId?: string) => (
    <Tooltip title={t(key)} key={key}>
      <Button
        type={active ? 'primary' : 'text'}
        ghost={active}
        size="small"
        icon={icon}
        aria-label={t(key)}
        onMouseDown={(event) => event.preventDefault()}
        onClick={action}
        data-testid={testId}
      />
    </Tooltip>
  );

  return (
    <div className="zg-rich-toolbar" data-testid="news-body-toolbar">
      <Space size={2} wrap>
        {tool('news.tool.bold', <BoldOutlined />, () => editor.run('bold'), bold, 'news-tool-bold')}
        {tool('news.tool.italic', <ItalicOutlined />, () => editor.run('italic'), italic)}
        {tool('news.tool.underline', <UnderlineOutlined />, () => editor.run('underline'), underline)}
        <span className="zg-rich-divider" />
        {tool('news.tool.heading', <span className="zg-rich-glyph">H</span>, () => editor.run('formatBlock', block === 'h3' ? '<p>' : '<h3>'), block === 'h3', 'news-tool-heading')}
        {tool('news.tool.quote', <span className="zg-rich-glyph">❝</span>, () => editor.run('formatBlock', block === 'blockquote' ? '<p>' : '<blockquote>'), block === 'blockquote')}
        {tool('news.tool.bullets', <UnorderedListOutlined />, () => editor.run('insertUnorderedList'))}
        {tool('news.tool.numbers', <OrderedListOutlined />, () => editor.run('insertOrderedList'))}
        <span className="zg-rich-divider" />
        <ColourTool editor={editor} />
        {tool('news.tool.alignLeft', <AlignLeftOutlined />, () => editor.run('justifyLeft'))}
        {tool('news.tool.alignCenter', <AlignCenterOutlined />, () => editor.run('justifyCenter'))}
        {tool('news.tool.alignRight', <AlignRightOutlined />, () => editor.run('justifyRight'))}
        <span className="zg-rich-divider" />
        <LinkTool editor={editor} />
        <ImageTool editor={editor} />
      </Space>
    </div>
  );
}

function ColourTool({ editor }: { editor: RichEditor }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const swatches = (
    <div className="zg-rich-swatches">
      {COLOURS.map((colour) => (
        <button
          key={colour}
          type="button"
          className="zg-rich-swatch"
          style={{ background: colour }}
          aria-label={colour}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            editor.run('foreColor', colour);
            setOpen(false);
          }}
        />
      ))}
    </div>
  );
  return (
    <Popover content={swatches} trigger="click" open={open} onOpenChange={setOpen}>
      <Tooltip title={t('news.tool.colour')}>
        <Button type="text" size="small" icon={<FontColorsOutlined />} aria-label={t('news.tool.colour')} onMouseDown={(event) => event.preventDefault()} />
      </Tooltip>
    </Popover>
  );
}

function LinkTool({ editor }: { editor: RichEditor }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [href, setHref] = useState('https://');
  const valid = /^https?:\/\/[^\s"'<>]+\.[^\s"'<>]+$/i.test(href.trim());
  const apply = () => {
    if (!valid) return;
    editor.insertLink(href.trim());
    setOpen(false);
    setHref('https://');
  };
  const form = (
    <Space.Compact className="zg-rich-link">
      <Input value={href} onChange={(event) => setHref(event.target.value)} onPressEnter={apply} status={valid || href === 'https://' ? undefined : 'error'} data-testid="news-link-url" />
      <Button type="primary" disabled={!valid} onClick={apply} data-testid="news-link-apply">
        {t('common.confirm')}
      </Button>
    </Space.Compact>
  );
  return (
    <Popover content={form} title={t('news.tool.linkHelp')} trigger="click" open={open} onOpenChange={setOpen}>
      <Tooltip title={t('news.tool.link')}>
        <Button type="text" size="small" icon={<LinkOutlined />} aria-label={t('news.tool.link')} onMouseDown={(event) => event.preventDefault()} />
      </Tooltip>
    </Popover>
  );
}

/** An image goes to WeChat first (uploadimg); only its URL may appear in an article. */
function ImageTool({ editor }: { editor: RichEditor }) {
  const { t } = useI18n();
  const { account } = useAccount();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    const problem = articleImageProblem(file);
    if (problem) return void message.error(t(problem.key, problem.vars));
    setBusy(true);
    try {
      const { url } = await materialsApi.uploadArticleImage(account.id, file, file.name);
      editor.insertImage(url);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <>
      <Tooltip title={t('news.tool.image')}>
        <Button
          type="text"
          size="small"
          icon={<PictureOutlined />}
          loading={busy}
          aria-label={t('news.tool.image')}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => input.current?.click()}
          data-testid="news-tool-image"
        />
      </Tooltip>
      {/* Inline: antd's form styles give input[type=file] display:block, outranking a class or [hidden]. */}
      <input ref={input} type="file" style={{ display: 'none' }} accept={acceptOf(ARTICLE_IMAGE_LIMITS.formats)} onChange={(event) => void upload(event.target.files?.[0])} data-testid="news-image-input" />
    </>
  );
}
