import { Select } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import type { ConversationView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSignedInSession } from '../../session/session.tsx';
import { useMembers } from '../../data/use-members.ts';

interface AssignSelectProps {
  accountId: number;
  conversation: ConversationView;
  disabled: boolean;
  onAssign: (assigneeId: number | null) => void;
}

const UNASSIGNED = 0;

/** Assign the conversation to a member (me first). Without the member list, offers me and unassigned. */
export function AssignSelect({ accountId, conversation, disabled, onAssign }: AssignSelectProps) {
  const { t } = useI18n();
  const { operator } = useSignedInSession();
  const members = useMembers(accountId);
  const people = new Map<number, string>([[operator.id, t('inbox.assign.me', { name: operator.displayName })]]);
  for (const member of members.data ?? []) if (!people.has(member.operator.id)) people.set(member.operator.id, member.operator.displayName);
  if (conversation.assignee && !people.has(conversation.assignee.id)) people.set(conversation.assignee.id, conversation.assignee.displayName);

  return (
    <Select<number>
      size="small"
      className="zg-assign"
      value={conversation.assignee?.id ?? UNASSIGNED}
      disabled={disabled}
      loading={members.loading}
      suffixIcon={<UserAddOutlined />}
      popupMatchSelectWidth={false}
      onChange={(value) => onAssign(value === UNASSIGNED ? null : value)}
      options={[{ value: UNASSIGNED, label: t('inbox.assign.nobody') }, ...[...people].map(([value, label]) => ({ value, label }))]}
      data-testid="assign-select"
    />
  );
}
