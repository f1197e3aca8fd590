import { useState } from 'react';
import { MenuOutlined, PlusOutlined } from '@ant-design/icons';
import type { MenuButton } from '@zhanggui/shared';
import { MENU_LIMITS } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { PhonePreview } from '../../components/replies/PhonePreview.tsx';
import type { FlowOption } from '../../components/replies/ReplyActionFields.tsx';
import { buttonAt, hasSubButtons, type ButtonRef } from './menu-form.ts';
import { buttonChat } from './menu-chat.ts';

interface MenuPhoneProps {
  buttons: MenuButton[];
  /** Controlled selection (the editor); without it taps are remembered here (a read-only preview). */
  selected?: ButtonRef | null;
  onSelect?: (ref: ButtonRef) => void;
  /** Editing: "+" slots to add top buttons and sub-buttons. */
  onAddTop?: () => void;
  onAddSub?: (top: number) => void;
  /** Buttons to draw in red (a problem inside). */
  flagged?: (ref: ButtonRef) => boolean;
  flows?: FlowOption[];
  /** Show what a tap does in the chat (off when the buttons carry no replies, as WeChat's own answer). */
  showActions?: boolean;
  size?: 'large' | 'small';
  testId: string;
}

/**
 * WeChat's chat screen with the custom menu in place of the input bar: the keyboard switch, up to three
 * buttons, and the tapped button's sub-buttons stacked above it. The chat shows what a tap does.
 */
export function MenuPhone({ buttons, selected, onSelect, onAddTop, onAddSub, flagged, flows, showActions = true, size = 'large', testId }: MenuPhoneProps) {
  const { t } = useI18n();
  const { account } = useAccount();
  const [tapped, setTapped] = useState<ButtonRef | null>(null);
  const current = selected !== undefined ? selected : tapped;
  const pick = onSelect ?? setTapped;
  const open = current?.top ?? null;
  const editing = Boolean(onAddTop);

  const bar = (
    <div className="zg-menu-bar" data-testid={`${testId}-bar`}>
      <span className="zg-menu-keyboard" aria-hidden>
        <KeyboardGlyph />
      </span>
      {buttons.map((button, top) => {
        const parent = hasSubButtons(button);
        const subs = button.subButtons ?? [];
        const showPop = open === top && (parent || (editing && Boolean(onAddSub)));
        return (
          <div className="zg-menu-cell" key={top}>
            <button
              type="button"
              className={cellClass(current?.top === top && current.sub === null, flagged?.({ top, sub: null }))}
              onClick={() => pick({ top, sub: null })}
              data-testid={`${testId}-top-${top}`}
            >
              {parent && <MenuOutlined className="zg-menu-parent-icon" />}
              <span className="zg-menu-name">{button.name || t('menus.untitled')}</span>
            </button>
            {showPop && (
              <div className="zg-menu-pop">
                {editing && onAddSub && subs.length < MENU_LIMITS.sub && (
                  <button type="button" className="zg-menu-sub zg-menu-add" onClick={() => onAddSub(top)} aria-label={t('menus.addSub')} data-testid={`${testId}-add-sub-${top}`}>
                    <PlusOutlined />
                  </button>
                )}
                {subs.map((sub, index) => (
                  <button
                    type="button"
                    key={index}
                    className={cellClass(current?.top === top && current.sub === index, flagged?.({ top, sub: index }), 'zg-menu-sub')}
                    onClick={() => pick({ top, sub: index })}
                    data-testid={`${testId}-sub-${top}-${index}`}
                  >
                    <span className="zg-menu-name">{sub.name || t('menus.untitled')}</span>
                  </button>
                ))}
              </div>
            )}
          </div>
        );
      })}
      {onAddTop && buttons.length < MENU_LIMITS.top && (
        <div className="zg-menu-cell">
          <button type="button" className="zg-menu-top zg-menu-add" onClick={onAddTop} aria-label={t('menus.addTop')} data-testid={`${testId}-add-top`}>
            <PlusOutlined />
            {buttons.length === 0 && <span className="zg-menu-name">{t('menus.addTop')}</span>}
          </button>
        </div>
      )}
      {!onAddTop && buttons.length === 0 && <span className="zg-menu-none">{t('menus.phone.noMenu')}</span>}
    </div>
  );

  return (
    <PhonePreview
      title={account.name}
      items={showActions ? buttonChat(buttonAt(buttons, current), t, flows) : []}
      empty={showActions ? t('menus.phone.empty') : undefined}
      footer={bar}
      className={size === 'large' ? 'zg-phone--menu' : 'zg-phone--menu-small'}
      testId={testId}
    />
  );
}

function cellClass(selected: boolean, flagged: boolean | undefined, base = 'zg-menu-top'): string {
  return [base, selected ? 'is-selected' : '', flagged ? 'has-issue' : ''].filter(Boolean).join(' ');
}

/** The keyboard key at the bar's left (switches to typing); antd has no such icon. */
function KeyboardGlyph() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5">
      <rect x="2.5" y="5.5" width="19" height="13" rx="2.5" />
      <path d="M6 9.5h1M9.5 9.5h1M13 9.5h1M16.5 9.5h1M6 12.5h1M9.5 12.5h1M13 12.5h1M16.5 12.5h1M8 15.5h8" strokeLinecap="round" />
    </svg>
  );
}
