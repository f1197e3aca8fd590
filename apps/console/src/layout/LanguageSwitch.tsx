import { Button } from 'antd';
import { TranslationOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n.tsx';

/** One click flips between 中文 and English; the label names the language you switch to. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <Button
      type="text"
      icon={<TranslationOutlined />}
      className="zg-lang-switch"
      data-testid="language-switch"
      onClick={() => setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}
    >
      {t('language.switchTo')}
    </Button>
  );
}
