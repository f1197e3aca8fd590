import { useEffect, useState } from 'react';
import { Alert, App, Button, Input, Modal, Segmented, Table, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { useErrorText } from '../../hooks/use-error-text.ts';
import { downloadCsv } from '../../components/csv.ts';
import { buttonTestId } from '../../components/test-id.ts';
import { useStoreImport } from './use-store-import.ts';
import { STORE_CSV_HEADER } from './store-map.ts';

interface StoreImportModalProps {
  open: boolean;
  onImported: (count: number) => void;
  onCancel: () => void;
}

/** CSV import of stores, from a file or pasted text; the server's per-line errors are listed and nothing is imported. */
export function StoreImportModal({ open, onImported, onCancel }: StoreImportModalProps) {
  const { t } = useI18n();
  const { account } = useAccount();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const importer = useStoreImport(account.id);
  const [source, setSource] = useState<'upload' | 'paste'>('upload');
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const rows = csv.trim() ? csv.trim().split(/\r?\n/).length - 1 : 0;

  useEffect(() => {
    if (!open) return;
    setCsv('');
    setFileName(null);
    importer.reset();
  }, [open]);

  const submit = async () => {
    const imported = await importer.run(csv);
    if (imported === null) return;
    void message.success(t('stores.import.done', { n: imported }));
    onImported(imported);
  };

  return (
    <Modal
      open={open}
      title={t('stores.import.title')}
      width={680}
      onCancel={onCancel}
      onOk={() => void submit()}
      okText={t('stores.import.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={importer.importing}
      okButtonProps={{ ...buttonTestId('store-import-submit'), disabled: !csv.trim() }}
      destroyOnHidden
    >
      <div className="zg-import-head">
        <p>{t('stores.import.help')}</p>
        <Button size="small" icon={<DownloadOutlined />} onClick={() => downloadCsv('stores-template.csv', [STORE_CSV_HEADER])} data-testid="store-import-template">
          {t('stores.import.template')}
        </Button>
      </div>
      <code className="zg-import-header">{STORE_CSV_HEADER}</code>
      <Segmented
        value={source}
        onChange={setSource}
        options={[
          { value: 'upload', label: t('stores.import.upload') },
          { value: 'paste', label: <span data-testid="store-import-paste-tab">{t('stores.import.paste')}</span> },
        ]}
        className="zg-import-source"
      />
      {source === 'upload' ? (
        <Upload.Dragger
          accept=".csv,text/csv,text/plain"
          multiple={false}
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then((text) => {
              setCsv(text);
              setFileName(file.name);
              importer.reset();
            });
            return false;
          }}
          data-testid="store-import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{fileName ?? t('stores.import.drop')}</p>
          <p className="ant-upload-hint">{fileName ? t('stores.import.rows', { n: rows }) : t('stores.import.dropHint')}</p>
        </Upload.Dragger>
      ) : (
        <Input.TextArea
          value={csv}
          onChange={(event) => {
            setCsv(event.target.value);
            importer.reset();
          }}
          autoSize={{ minRows: 6, maxRows: 14 }}
          placeholder={`${STORE_CSV_HEADER}\n${t('stores.import.example')}`}
          className="zg-mono"
          data-testid="store-import-text"
        />
      )}
      {importer.failure !== undefined && <Alert type="error" showIcon title={errorText(importer.failure)} className="zg-import-result" />}
      {importer.errors.length > 0 && (
        <div className="zg-import-result" data-testid="store-import-errors">
          <Alert type="error" showIcon title={t('stores.import.failed', { n: importer.errors.length })} description={t('stores.import.nothingImported')} />
          <Table
            rowKey={(row) => `${row.line}-${row.message}`}
            size="small"
            pagination={importer.errors.length > 8 ? { pageSize: 8, size: 'small' } : false}
            dataSource={importer.errors}
            columns={[
              { key: 'line', title: t('stores.import.line'), dataIndex: 'line', width: 80 },
              { key: 'message', title: t('stores.import.problem'), dataIndex: 'message' },
            ]}
          />
        </div>
      )}
    </Modal>
  );
}
