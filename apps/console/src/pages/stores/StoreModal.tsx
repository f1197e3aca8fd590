import { Form, Input, InputNumber } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import type { Store, StoreInput } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { EntityModal } from '../../components/EntityModal.tsx';
import { KeywordTagsInput } from '../../components/KeywordTagsInput.tsx';
import { amapMarkerUrl } from './store-map.ts';
import { EnabledItem, UrlItem } from '../../components/FormItems.tsx';

interface StoreValues {
  name: string;
  address: string;
  phone: string;
  hours: string;
  latitude: number | null;
  longitude: number | null;
  imageUrl: string;
  keywords: string[];
  enabled: boolean;
}

const EMPTY: StoreValues = { name: '', address: '', phone: '', hours: '', latitude: null, longitude: null, imageUrl: '', keywords: [], enabled: true };

function valuesOf(store: Store | 'new'): StoreValues {
  if (store === 'new') return EMPTY;
  return { ...store, phone: store.phone ?? '', hours: store.hours ?? '', imageUrl: store.imageUrl ?? '' };
}

const orNull = (text: string) => text.trim() || null;

function inputOf(values: StoreValues): StoreInput {
  return {
    name: values.name.trim(),
    address: values.address.trim(),
    phone: orNull(values.phone),
    hours: orNull(values.hours),
    latitude: values.latitude ?? 0,
    longitude: values.longitude ?? 0,
    imageUrl: orNull(values.imageUrl),
    keywords: values.keywords,
    enabled: values.enabled,
  };
}

/** Checks the picked point on a map before saving (the link follows the inputs as they change). */
function MapCheck() {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const latitude = Form.useWatch('latitude', form) as number | null | undefined;
  const longitude = Form.useWatch('longitude', form) as number | null | undefined;
  const name = (Form.useWatch('name', form) as string | undefined) ?? '';
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return null;
  return (
    <a href={amapMarkerUrl({ latitude, longitude, name })} target="_blank" rel="noopener noreferrer" className="zg-map-check" data-testid="store-map-check">
      <EnvironmentOutlined /> {t('stores.checkOnMap')}
    </a>
  );
}

interface StoreModalProps {
  store: Store | 'new' | null;
  onSave: (input: StoreInput) => Promise<void>;
  onCancel: () => void;
}

export function StoreModal({ store, onSave, onCancel }: StoreModalProps) {
  const { t } = useI18n();
  return (
    <EntityModal<StoreValues>
      values={store === null ? null : valuesOf(store)}
      title={store === 'new' ? t('stores.create') : t('stores.edit')}
      onSave={(values) => onSave(inputOf(values))}
      onCancel={onCancel}
      width={640}
      testId="store-form"
    >
      <Form.Item name="name" label={t('stores.col.name')} rules={[{ required: true, whitespace: true, message: t('stores.nameRequired') }]}>
        <Input maxLength={64} placeholder={t('stores.namePlaceholder')} data-testid="store-name" />
      </Form.Item>
      <Form.Item name="address" label={t('stores.address')} rules={[{ required: true, whitespace: true, message: t('stores.addressRequired') }]}>
        <Input maxLength={200} data-testid="store-address" />
      </Form.Item>
      <div className="zg-modal-grid">
        <Form.Item name="phone" label={t('stores.phone')}>
          <Input maxLength={40} data-testid="store-phone" />
        </Form.Item>
        <Form.Item name="hours" label={t('stores.hours')}>
          <Input maxLength={60} placeholder={t('stores.hoursPlaceholder')} data-testid="store-hours" />
        </Form.Item>
        <Form.Item name="latitude" label={t('stores.latitude')} rules={[{ required: true, message: t('stores.coordinatesRequired') }]}>
          <InputNumber min={-90} max={90} precision={6} step={0.0001} className="zg-full-width" placeholder="31.230416" data-testid="store-lat" />
        </Form.Item>
        <Form.Item name="longitude" label={t('stores.longitude')} rules={[{ required: true, message: t('stores.coordinatesRequired') }]}>
          <InputNumber min={-180} max={180} precision={6} step={0.0001} className="zg-full-width" placeholder="121.473701" data-testid="store-lng" />
        </Form.Item>
      </div>
      <div className="zg-coords-help">
        <span>{t('stores.coordinatesHelp')}</span>
        <MapCheck />
      </div>
      <div className="zg-modal-grid">
        <Form.Item name="keywords" label={t('common.keywords')} extra={t('stores.keywordsHelp')}>
          <KeywordTagsInput placeholder={t('stores.keywordsPlaceholder')} data-testid="store-keywords" />
        </Form.Item>
        <UrlItem name="imageUrl" label={t('common.imageUrl')} />
      </div>
      <EnabledItem />
    </EntityModal>
  );
}
