import { Form, Input, InputNumber } from 'antd';
import type { Product, ProductInput } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { EntityModal } from '../../components/EntityModal.tsx';
import { KeywordTagsInput } from '../../components/KeywordTagsInput.tsx';
import { fenToYuan, yuanToFen } from './price.ts';
import { EnabledItem, UrlItem } from '../../components/FormItems.tsx';

/** The form shows the price in yuan; `priceFen` is named after the API field so its errors land on it. */
interface ProductValues {
  name: string;
  priceFen: number | null;
  imageUrl: string;
  link: string;
  category: string;
  description: string;
  stock: number | null;
  keywords: string[];
  enabled: boolean;
}

const EMPTY: ProductValues = { name: '', priceFen: null, imageUrl: '', link: '', category: '', description: '', stock: null, keywords: [], enabled: true };

function valuesOf(product: Product | 'new'): ProductValues {
  if (product === 'new') return EMPTY;
  return {
    name: product.name,
    priceFen: fenToYuan(product.priceFen),
    imageUrl: product.imageUrl ?? '',
    link: product.link ?? '',
    category: product.category ?? '',
    description: product.description ?? '',
    stock: product.stock,
    keywords: product.keywords,
    enabled: product.enabled,
  };
}

const orNull = (text: string) => text.trim() || null;

function inputOf(values: ProductValues): ProductInput {
  return {
    name: values.name.trim(),
    priceFen: yuanToFen(values.priceFen ?? 0),
    imageUrl: orNull(values.imageUrl),
    link: orNull(values.link),
    category: orNull(values.category),
    description: orNull(values.description),
    stock: values.stock ?? null,
    keywords: values.keywords,
    enabled: values.enabled,
  };
}

interface ProductModalProps {
  product: Product | 'new' | null;
  onSave: (input: ProductInput) => Promise<void>;
  onCancel: () => void;
}

export function ProductModal({ product, onSave, onCancel }: ProductModalProps) {
  const { t } = useI18n();
  return (
    <EntityModal<ProductValues>
      values={product === null ? null : valuesOf(product)}
      title={product === 'new' ? t('products.create') : t('products.edit')}
      onSave={(values) => onSave(inputOf(values))}
      onCancel={onCancel}
      width={640}
      testId="product-form"
    >
      <Form.Item name="name" label={t('products.col.name')} rules={[{ required: true, whitespace: true, message: t('products.nameRequired') }]}>
        <Input maxLength={64} data-testid="product-name" />
      </Form.Item>
      <div className="zg-modal-grid">
        <Form.Item name="priceFen" label={t('products.price')} rules={[{ required: true, message: t('products.priceRequired') }]}>
          <InputNumber min={0} max={10_000_000} precision={2} step={1} prefix="¥" className="zg-full-width" data-testid="product-price" />
        </Form.Item>
        <Form.Item name="stock" label={t('products.stock')} extra={t('products.stockHelp')}>
          <InputNumber min={0} precision={0} className="zg-full-width" data-testid="product-stock" />
        </Form.Item>
        <Form.Item name="category" label={t('products.category')}>
          <Input maxLength={40} data-testid="product-category" />
        </Form.Item>
        <Form.Item name="keywords" label={t('common.keywords')}>
          <KeywordTagsInput placeholder={t('common.keywordsPlaceholder')} data-testid="product-keywords" />
        </Form.Item>
      </div>
      <Form.Item name="description" label={t('products.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
      </Form.Item>
      <div className="zg-modal-grid">
        <UrlItem name="imageUrl" label={t('common.imageUrl')} />
        <UrlItem name="link" label={t('common.link')} />
      </div>
      <EnabledItem />
    </EntityModal>
  );
}
