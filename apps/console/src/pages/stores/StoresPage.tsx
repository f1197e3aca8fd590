import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Input, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, EnvironmentOutlined, PlusOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import type { Store, StoreInput } from '@zhanggui/shared';
import { storesApi } from '../../api/catalogue.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { useErrorText, useNotifyError } from '../../hooks/use-error-text.ts';
import { useCollection, withoutId } from '../../data/use-collection.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { KeywordChips } from '../../components/KeywordChips.tsx';
import { EnabledSwitch } from '../../components/EnabledSwitch.tsx';
import { StoreModal } from './StoreModal.tsx';
import { StoreImportModal } from './StoreImportModal.tsx';
import { LocationRepliesCard } from './LocationRepliesCard.tsx';
import { amapMarkerUrl } from './store-map.ts';
import './stores.css';

function matches(store: Store, query: string): boolean {
  const needle = query.trim().toLowerCase();
  return !needle || [store.name, store.address, store.phone ?? '', ...store.keywords].some((text) => text.toLowerCase().includes(needle));
}

/** 门店: where a fan who sends a location (or "附近 ATM") is sent; CSV import for chains. */
export function StoresPage() {
  const { t } = useI18n();
  const { account, can } = useAccount();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const stores = useCollection(account.id, storesApi);
  const [editing, setEditing] = useState<Store | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [query, setQuery] = useState('');
  const editable = can('rules.edit');
  const shown = useMemo(() => (stores.data ?? []).filter((store) => matches(store, query)), [stores.data, query]);

  const save = async (input: StoreInput) => {
    await stores.save(editing === 'new' || editing === null ? null : editing.id, input);
    void message.success(t('common.saved'));
    setEditing(null);
  };

  const columns: TableColumnsType<Store> = [
    {
      key: 'name',
      title: t('stores.col.name'),
      render: (_, store) => (
        <div className="zg-entry">
          <strong>{store.name}</strong>
          <span className="zg-entry-body">{store.address}</span>
        </div>
      ),
    },
    { key: 'phone', title: t('stores.phone'), width: 140, responsive: ['md'], render: (_, store) => store.phone ?? <span className="zg-muted">—</span> },
    { key: 'hours', title: t('stores.hours'), width: 130, responsive: ['lg'], render: (_, store) => store.hours ?? <span className="zg-muted">—</span> },
    {
      key: 'coordinates',
      title: t('stores.col.coordinates'),
      width: 170,
      render: (_, store) => (
        <a href={amapMarkerUrl(store)} target="_blank" rel="noopener noreferrer" className="zg-coords" title={t('stores.openMap')} data-testid={`store-map-${store.id}`}>
          <EnvironmentOutlined />
          <span className="zg-mono">
            {store.latitude.toFixed(5)}, {store.longitude.toFixed(5)}
          </span>
        </a>
      ),
    },
    { key: 'keywords', title: t('common.keywords'), width: 160, responsive: ['xl'], render: (_, store) => <KeywordChips words={store.keywords} max={3} /> },
    {
      key: 'enabled',
      title: t('rules.col.enabled'),
      width: 72,
      render: (_, store) => (
        <EnabledSwitch
          checked={store.enabled}
          disabled={!editable}
          onChange={(enabled) => stores.save(store.id, { ...withoutId(store), enabled }).catch(notifyError)}
          testId={`store-enabled-${store.id}`}
        />
      ),
    },
    ...(editable
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 140,
            render: (_: unknown, store: Store) => (
              <Space size={0}>
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(store)} data-testid={`store-edit-${store.id}`}>
                  {t('common.edit')}
                </Button>
                <Popconfirm title={t('stores.deleteConfirm', { name: store.name })} okText={t('common.delete')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onConfirm={() => void stores.remove(store.id).catch(notifyError)}>
                  <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid={`store-delete-${store.id}`}>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="zg-page" data-testid="stores-page">
      <PageHeader
        title={t('stores.title')}
        subtitle={t('stores.subtitle')}
        extra={
          editable && (
            <Space wrap>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="store-import">
                {t('stores.import.button')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="store-create">
                {t('stores.create')}
              </Button>
            </Space>
          )
        }
      />
      <LocationRepliesCard />
      {stores.error !== undefined && <Alert type="error" showIcon title={errorText(stores.error)} className="zg-page-alert" />}
      <Card variant="borderless">
        <div className="zg-list-toolbar">
          <Input allowClear prefix={<SearchOutlined className="zg-muted-icon" />} placeholder={t('stores.search')} value={query} onChange={(event) => setQuery(event.target.value)} className="zg-list-search" data-testid="stores-search" />
          <span className="zg-muted">{t('stores.count', { n: shown.length })}</span>
        </div>
        <Table<Store>
          rowKey="id"
          columns={columns}
          dataSource={shown}
          loading={stores.loading}
          rowClassName={(store) => (store.enabled ? '' : 'zg-row-off')}
          pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          data-testid="stores-table"
        />
      </Card>
      <StoreModal store={editing} onSave={save} onCancel={() => setEditing(null)} />
      <StoreImportModal
        open={importing}
        onCancel={() => setImporting(false)}
        onImported={() => {
          setImporting(false);
          stores.reload();
        }}
      />
    </div>
  );
}
