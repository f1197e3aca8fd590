import { useState } from 'react';
import { Alert, App, Tabs } from 'antd';
import { AudioOutlined, FileTextOutlined, PictureOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import type { MaterialView } from '@zhanggui/shared';
import { ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { useErrorText, useNotifyError } from '../../hooks/use-error-text.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LIBRARY_KINDS, type LibraryKind } from './material-files.ts';
import { useMaterials } from './use-materials.ts';
import { MaterialPane } from './MaterialPane.tsx';
import { MaterialUsageTags } from './MaterialUsageTags.tsx';
import { PreviewSendModal, type PreviewRequest } from './PreviewSendModal.tsx';
import { NewsPane } from './news/NewsPane.tsx';
import './materials.css';

type Tab = LibraryKind | 'news';
const TABS: Tab[] = [...LIBRARY_KINDS, 'news'];
const ICONS: Record<Tab, React.ReactNode> = { image: <PictureOutlined />, voice: <AudioOutlined />, video: <VideoCameraOutlined />, news: <FileTextOutlined /> };

/** 素材库: permanent images, voice and video on WeChat, and news (图文) drafts; each can be previewed on a phone. */
export function MaterialsPage() {
  const { t } = useI18n();
  const { account, can } = useAccount();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((key) => key === params.get('tab')) ?? 'image';
  const materials = useMaterials(account.id);
  const [preview, setPreview] = useState<PreviewRequest | null>(null);
  const editable = can('materials.edit');
  const canPreview = can('broadcasts.send');

  const remove = async (material: MaterialView) => {
    try {
      await materials.remove(material.id);
      void message.success(t('materials.deleted'));
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'MATERIAL_IN_USE') return notifyError(error);
      // Say where it is used, so the operator knows what to change first.
      const details = error.details as { usage?: MaterialView['usage']; wechat?: unknown } | undefined;
      modal.warning({
        title: t('materials.inUse.title'),
        content: (
          <div data-testid="material-in-use">
            <p>{errorText(error)}</p>
            <MaterialUsageTags usage={details?.usage ?? material.usage} />
            {details?.wechat !== undefined && <p className="zg-muted">{t('materials.inUse.wechat')}</p>}
          </div>
        ),
        okText: t('common.close'),
      });
    }
  };
  const previewMaterial = (material: MaterialView) =>
    material.kind !== 'thumb' && setPreview({ message: { type: material.kind, materialId: material.id }, label: material.title || material.name });

  const count = (kind: LibraryKind) => (materials.data ?? []).filter((material) => material.kind === kind).length;
  return (
    <div className="zg-page" data-testid="materials-page">
      <PageHeader title={t('materials.title')} subtitle={t('materials.subtitle')} />
      {materials.error !== undefined && <Alert type="error" showIcon title={errorText(materials.error)} className="zg-page-alert" />}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'image' ? {} : { tab: key }, { replace: true })}
        destroyOnHidden
        items={TABS.map((key) => ({
          key,
          label: (
            <span data-testid={`materials-tab-${key}`}>
              {ICONS[key]} {t(`materials.tab.${key}`)}
              {key !== 'news' && materials.data ? <span className="zg-tab-count">{count(key)}</span> : null}
            </span>
          ),
          children:
            key === 'news' ? (
              <NewsPane materials={materials} onPreview={canPreview ? setPreview : undefined} />
            ) : (
              <MaterialPane
                kind={key}
                materials={materials}
                onDelete={editable ? (material) => void remove(material) : undefined}
                onPreview={canPreview ? previewMaterial : undefined}
              />
            ),
        }))}
      />
      <PreviewSendModal request={preview} onClose={() => setPreview(null)} />
    </div>
  );
}
