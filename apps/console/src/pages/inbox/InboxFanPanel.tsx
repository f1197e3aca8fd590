import { useAccount } from '../../session/account-context.tsx';
import { useInboxEvents } from '../../live/inbox-stream.tsx';
import { useTags } from '../../data/use-tags.ts';
import { useFan } from '../../components/fans/use-fan.ts';
import { FanProfile } from '../../components/fans/FanProfile.tsx';
import { isEvent } from '../../components/messages/message-text.ts';

/** The fan beside the chat. Follow/unfollow events reload it so the subscription state stays true. */
export function InboxFanPanel({ fanId }: { fanId: number }) {
  const { account, can } = useAccount();
  const fan = useFan(account.id, fanId);
  const tags = useTags(account.id);
  useInboxEvents((event) => {
    if (event.type === 'message' && event.conversation.fanId === fanId && isEvent(event.message)) fan.reload();
  });
  return <FanProfile fan={fan} allTags={tags.data} editable={can('fans.edit')} />;
}
