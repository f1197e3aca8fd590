import { NEWS_LIMITS } from '@zhanggui/shared';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatNumber } from '../../../i18n/format.ts';
import { isEmptyContent } from './news-form.ts';
import { useRichEditor } from './use-rich-editor.ts';
import { RichToolbar } from './RichToolbar.tsx';

interface RichBodyProps {
  /** Read once: give the component a new key to load another article. */
  initialHtml: string;
  html: string;
  editable: boolean;
  invalid: boolean;
  onChange: (html: string) => void;
}

/** The article body: a small WYSIWYG editor whose HTML is what WeChat renders (tags and inline styles only). */
export function RichBody({ initialHtml, html, editable, invalid, onChange }: RichBodyProps) {
  const { t, language } = useI18n();
  const editor = useRichEditor(initialHtml, onChange);
  const over = html.length >= NEWS_LIMITS.content;
  return (
    <div className={`zg-rich${invalid ? ' zg-rich--invalid' : ''}`}>
      {editable && <RichToolbar editor={editor} />}
      <div className="zg-rich-frame">
        {isEmptyContent(html) && <span className="zg-rich-placeholder">{t('news.body.placeholder')}</span>}
        <div
          ref={editor.ref}
          className="zg-rich-body"
          contentEditable={editable}
          suppressContentEditableWarning
          role="textbox"
          aria-multiline
          aria-label={t('news.body')}
          onInput={editor.emit}
          onBlur={editor.emit}
          onFocus={editor.onFocus}
          data-testid="news-body"
        />
      </div>
      <div className="zg-rich-foot">
        <span className="zg-muted">{t('news.body.help')}</span>
        <span className={over ? 'zg-rich-count zg-rich-count--over' : 'zg-rich-count'} data-testid="news-body-count">
          {formatNumber(html.length, language)} / {formatNumber(NEWS_LIMITS.content, language)}
        </span>
      </div>
    </div>
  );
}
