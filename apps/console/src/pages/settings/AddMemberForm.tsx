import { useState } from 'react';
import { Button, Form, Input, Select } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import type { Role } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';

interface AddMemberFormProps {
  roleOptions: Array<{ value: Role; label: string }>;
  /** Resolves true when the member was added. */
  onAdd: (username: string, role: Role) => Promise<boolean>;
}

export function AddMemberForm({ roleOptions, onAdd }: AddMemberFormProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ username: string; role: Role }>();
  const [adding, setAdding] = useState(false);
  const submit = async ({ username, role }: { username: string; role: Role }) => {
    setAdding(true);
    try {
      if (await onAdd(username.trim(), role)) form.resetFields(['username']);
    } finally {
      setAdding(false);
    }
  };
  return (
    <Form form={form} layout="inline" onFinish={(values) => void submit(values)} initialValues={{ role: 'agent' }} className="zg-add-member" data-testid="member-add-form">
      <Form.Item name="username" rules={[{ required: true, whitespace: true, message: t('members.usernameRequired') }]}>
        <Input placeholder={t('members.usernamePlaceholder')} autoComplete="off" data-testid="member-add-username" />
      </Form.Item>
      <Form.Item name="role">
        <Select<Role> options={roleOptions} className="zg-role-select" data-testid="member-add-role" />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<UserAddOutlined />} loading={adding} data-testid="member-add">
        {t('members.add')}
      </Button>
    </Form>
  );
}
