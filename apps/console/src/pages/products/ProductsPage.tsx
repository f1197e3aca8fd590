import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Input, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PictureOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { Product, ProductInput } from '@zhanggui/shared';
import { productsApi } from '../../api/catalogue.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useAccount } from '../../session/account-context.tsx';
import { useErrorText, useNotifyError } from '../../hooks/use-error-text.ts';
import { useCollection, withoutId } from '../../data/use-collection.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { KeywordChips } from '../../components/KeywordChips.tsx';
import { EnabledSwitch } from '../../components/EnabledSwitch.tsx';
import { safeHref } from '../../components/replies/reply-text.ts';
import { ProductModal } from './ProductModal.tsx';
import { formatYuan } from './price.ts';
import './products.css';

function matches(product: Product, query: string): boolean {
  const needle = query.trim().toLowerCase();
  return !needle || [product.name, product.category ?? '', ...product.keywords].some((text) => text.toLowerCase().includes(needle));
}

/** 商品: the catalogue search replies draw on ("牛仔裤" → matching products as news). The full catalogue pages come later. */
export function ProductsPage() {
  const { t, language } = useI18n();
  const { account, can } = useAccount();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const products = useCollection(account.id, productsApi);
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const [query, setQuery] = useState('');
  const editable = can('rules.edit');
  const shown = useMemo(() => (products.data ?? []).filter((product) => matches(product, query)), [products.data, query]);

  const save = async (input: ProductInput) => {
    await products.save(editing === 'new' || editing === null ? null : editing.id, input);
    void message.success(t('common.saved'));
    setEditing(null);
  };

  const columns: TableColumnsType<Product> = [
    {
      key: 'name',
      title: t('products.col.name'),
      render: (_, product) => {
        const picture = product.imageUrl ? safeHref(product.imageUrl) : null;
        return (
          <div className="zg-product">
            {picture ? <img src={picture} alt="" referrerPolicy="no-referrer" /> : <span className="zg-product-empty"><PictureOutlined /></span>}
            <div className="zg-entry">
              <strong>{product.name}</strong>
              {product.description && <span className="zg-entry-body">{product.description}</span>}
            </div>
          </div>
        );
      },
    },
    { key: 'category', title: t('products.category'), width: 110, responsive: ['md'], render: (_, product) => product.category ?? <span className="zg-muted">—</span> },
    {
      key: 'price',
      title: t('products.price'),
      width: 110,
      align: 'right',
      sorter: (a, b) => a.priceFen - b.priceFen,
      render: (_, product) => <span className="zg-price">{formatYuan(product.priceFen, language)}</span>,
    },
    {
      key: 'stock',
      title: t('products.stock'),
      width: 80,
      align: 'right',
      responsive: ['md'],
      render: (_, product) => (product.stock === null ? <span className="zg-muted">—</span> : formatNumber(product.stock, language)),
    },
    { key: 'keywords', title: t('common.keywords'), width: 200, responsive: ['lg'], render: (_, product) => <KeywordChips words={product.keywords} max={4} /> },
    {
      key: 'enabled',
      title: t('products.onSale'),
      width: 72,
      render: (_, product) => (
        <EnabledSwitch
          checked={product.enabled}
          disabled={!editable}
          onChange={(enabled) => products.save(product.id, { ...withoutId(product), enabled }).catch(notifyError)}
          testId={`product-enabled-${product.id}`}
        />
      ),
    },
    ...(editable
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 140,
            render: (_: unknown, product: Product) => (
              <Space size={0}>
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(product)} data-testid={`product-edit-${product.id}`}>
                  {t('common.edit')}
                </Button>
                <Popconfirm title={t('products.deleteConfirm', { name: product.name })} okText={t('common.delete')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onConfirm={() => void products.remove(product.id).catch(notifyError)}>
                  <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid={`product-delete-${product.id}`}>
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
    <div className="zg-page" data-testid="products-page">
      <PageHeader
        title={t('products.title')}
        subtitle={t('products.subtitle')}
        extra={
          editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="product-create">
              {t('products.create')}
            </Button>
          )
        }
      />
      {products.error !== undefined && <Alert type="error" showIcon title={errorText(products.error)} className="zg-page-alert" />}
      <Card variant="borderless">
        <div className="zg-list-toolbar">
          <Input allowClear prefix={<SearchOutlined className="zg-muted-icon" />} placeholder={t('products.search')} value={query} onChange={(event) => setQuery(event.target.value)} className="zg-list-search" data-testid="products-search" />
        </div>
        <Table<Product>
          rowKey="id"
          columns={columns}
          dataSource={shown}
          loading={products.loading}
          rowClassName={(product) => (product.enabled ? '' : 'zg-row-off')}
          pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          data-testid="products-table"
        />
      </Card>
      <ProductModal product={editing} onSave={save} onCancel={() => setEditing(null)} />
    </div>
  );
}
