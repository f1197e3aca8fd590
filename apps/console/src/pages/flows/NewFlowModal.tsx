import { Modal } from 'antd';
import { AppstoreOutlined, FileAddOutlined, ShoppingCartOutlined, TrophyOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { TEMPLATE_KEYS, type FlowTemplateKey } from './flow-templates.ts';

const ICONS: Record<FlowTemplateKey, ReactNode> = {
  blank: <FileAddOutlined />,
  menu: <AppstoreOutlined />,
  quiz: <TrophyOutlined />,
  order: <ShoppingCartOutlined />,
};

interface NewFlowModalProps {
  open: boolean;
  onPick: (template: FlowTemplateKey) => void;
  onCancel: () => void;
}

/** Start a flow blank or from a template (numbered menu, maze quiz, order by chat). */
export function NewFlowModal({ open, onPick, onCancel }: NewFlowModalProps) {
  const { t } = useI18n();
  return (
    <Modal open={open} title={t('flows.new.title')} onCancel={onCancel} footer={null} width={720} destroyOnHidden>
      <p className="zg-muted">{t('flows.new.subtitle')}</p>
      <div className="zg-templates">
        {TEMPLATE_KEYS.map((key) => (
          <button type="button" key={key} className={`zg-template zg-template--${key}`} onClick={() => onPick(key)} data-testid={`flow-template-${key}`}>
            <span className="zg-template-icon">{ICONS[key]}</span>
            <strong>{t(`flows.template.${key}`)}</strong>
            <span>{t(`flows.template.${key}.body`)}</span>
          </button>
        ))}
      </div>
    </Modal>
  );
}
