import { Button, Popconfirm, Space, Tooltip } from 'antd';
import { CloudDownloadOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/i18n.tsx';
import { buttonTestId } from '../../components/test-id.ts';
import type { MenuAction } from './use-menu-state.ts';

interface MenuActionsProps {
  busy: MenuAction | null;
  issueCount: number;
  onSave: () => void;
  onPublish: () => void;
  onImport: () => void;
}

/** 从微信导入 (replaces the draft), 保存草稿, 发布到微信 (saves, then publishes; waits for a menu WeChat accepts). */
export function MenuActions({ busy, issueCount, onSave, onPublish, onImport }: MenuActionsProps) {
  const { t } = useI18n();
  const blocked = issueCount > 0;
  return (
    <Space wrap>
      <Popconfirm
        title={t('menus.importConfirm.title')}
        description={<span className="zg-menu-confirm">{t('menus.importConfirm.body')}</span>}
        okText={t('menus.import')}
        okButtonProps={buttonTestId('menu-import-confirm')}
        cancelText={t('common.cancel')}
        onConfirm={onImport}
      >
        <Button icon={<CloudDownloadOutlined />} loading={busy === 'import'} disabled={busy !== null && busy !== 'import'} data-testid="menu-import">
          {t('menus.import')}
        </Button>
      </Popconfirm>
      <Button icon={<SaveOutlined />} loading={busy === 'save'} disabled={busy !== null && busy !== 'save'} onClick={onSave} data-testid="menu-save">
        {t('menus.saveDraft')}
      </Button>
      <Popconfirm
        title={t('menus.publishConfirm.title')}
        description={<span className="zg-menu-confirm">{t('menus.publishConfirm.body')}</span>}
        okText={t('menus.publish')}
        okButtonProps={buttonTestId('menu-publish-confirm')}
        cancelText={t('common.cancel')}
        disabled={blocked}
        onConfirm={onPublish}
      >
        <Tooltip title={blocked ? t('menus.publishBlocked', { n: issueCount }) : undefined}>
          <Button type="primary" icon={<SendOutlined />} loading={busy === 'publish'} disabled={blocked || (busy !== null && busy !== 'publish')} data-testid="menu-publish">
            {t('menus.publish')}
          </Button>
        </Tooltip>
      </Popconfirm>
    </Space>
  );
}
