import { Badge, Drawer, Layout, Menu, type MenuProps } from 'antd';
import {
  ApartmentOutlined,
  ApiOutlined,
  AppstoreOutlined,
  BookOutlined,
  CreditCardOutlined,
  CrownOutlined,
  FolderOpenOutlined,
  GiftOutlined,
  HomeOutlined,
  IdcardOutlined,
  MessageOutlined,
  NotificationOutlined,
  QrcodeOutlined,
  RobotOutlined,
  SettingOutlined,
  ShopOutlined,
  ShoppingOutlined,
  TagsOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  UserSwitchOutlined,
  VerifiedOutlined,
} from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router-dom';
import type { AccountSummary, Permission } from '@zhanggui/shared';
import { useI18n } from '../i18n/i18n.tsx';
import { useSignedInSession } from '../session/session.tsx';
import { canUse, LOYALTY_FEATURES, REPLY_FEATURES, type Feature } from '../session/features.ts';
import { useUnreadCount } from '../live/use-unread-count.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { BrandMark } from '../components/BrandMark.tsx';

const FEATURE_ICONS: Record<Feature, React.ReactNode> = {
  home: <HomeOutlined />,
  inbox: <MessageOutlined />,
  fans: <TeamOutlined />,
  tags: <TagsOutlined />,
  settings: <SettingOutlined />,
  rules: <ThunderboltOutlined />,
  flows: <ApartmentOutlined />,
  knowledge: <BookOutlined />,
  products: <ShoppingOutlined />,
  stores: <ShopOutlined />,
  menus: <AppstoreOutlined />,
  channels: <QrcodeOutlined />,
  materials: <FolderOpenOutlined />,
  broadcasts: <NotificationOutlined />,
  card: <CreditCardOutlined />,
  members: <IdcardOutlined />,
  coupons: <GiftOutlined />,
  staff: <VerifiedOutlined />,
};
/** The 自动回复 group sits after the inbox (answering fans by hand, then automatically). */
const FEATURES_BEFORE_REPLIES: Feature[] = ['home', 'inbox'];
/**
 * Then what fans see around the chat (the menu, the codes that bring them), what the account sends them
 * unasked (the material library, broadcasts), then the fans themselves, what keeps them coming back (the
 * 会员营销 group), and the settings.
 */
const FEATURES_AFTER_REPLIES: Feature[] = ['menus', 'channels', 'materials', 'broadcasts', 'fans', 'tags'];
const FEATURES_LAST: Feature[] = ['settings'];
const REPLIES_GROUP = 'replies';
const LOYALTY_GROUP = 'loyalty';

interface SidebarProps {
  account: AccountSummary | undefined;
  /** Phones: the menu is a drawer opened from the header instead of a column. */
  mobile: boolean;
  collapsed: boolean;
  onCollapse: (collapsed: boolean) => void;
  drawerOpen: boolean;
  onDrawerClose: () => void;
}

export function Sidebar({ account, mobile, collapsed, onCollapse, drawerOpen, onDrawerClose }: SidebarProps) {
  const { t } = useI18n();
  const allows = (permission: Permission) => account?.permissions.includes(permission) ?? false;
  const unread = useUnreadCount(account?.id ?? 0, allows('inbox.view'), allows('account.view'));
  useDocumentTitle(unread > 0 ? `(${unread}) ${t('brand.name')}` : t('brand.name'));

  if (mobile) {
    return (
      <Drawer placement="left" open={drawerOpen} onClose={onDrawerClose} size={240} closable={false} styles={{ body: { padding: 0 } }}>
        <NavMenu account={account} unread={unread} collapsed={false} onNavigate={onDrawerClose} />
      </Drawer>
    );
  }
  return (
    <Layout.Sider
      className="zg-sider"
      width={216}
      collapsedWidth={64}
      collapsed={collapsed}
      breakpoint="lg"
      onBreakpoint={onCollapse}
      trigger={null}
      theme="light"
    >
      <NavMenu account={account} unread={unread} collapsed={collapsed} onNavigate={() => {}} />
    </Layout.Sider>
  );
}

interface NavMenuProps {
  account: AccountSummary | undefined;
  unread: number;
  collapsed: boolean;
  onNavigate: () => void;
}

/** The brand and the menu: the account's screens its role allows, then instance administration. */
function NavMenu({ account, unread, collapsed, onNavigate }: NavMenuProps) {
  const { t } = useI18n();
  const session = useSignedInSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const can = (permission: Permission) => account?.permissions.includes(permission) ?? false;

  const featureItem = (feature: Feature) => ({
    key: `/accounts/${account?.id}/${feature}`,
    icon: FEATURE_ICONS[feature],
    'data-testid': `nav-${feature}`,
    label:
      feature === 'inbox' ? (
        <span className="zg-nav-label">
          {t('nav.inbox')}
          <Badge count={unread} size="small" overflowCount={99} data-testid="nav-inbox-unread" />
        </span>
      ) : (
        t(`nav.${feature}`)
      ),
  });
  const allowed = (features: Feature[]) => features.filter((feature) => canUse(feature, can));
  const replyFeatures = allowed(REPLY_FEATURES);
  const loyaltyFeatures = allowed(LOYALTY_FEATURES);
  const accountItems: MenuProps['items'] = account
    ? [
        ...allowed(FEATURES_BEFORE_REPLIES).map(featureItem),
        ...(replyFeatures.length
          ? [{ key: REPLIES_GROUP, icon: <RobotOutlined />, label: t('nav.replies'), 'data-testid': 'nav-replies', children: replyFeatures.map(featureItem) }]
          : []),
        ...allowed(FEATURES_AFTER_REPLIES).map(featureItem),
        ...(loyaltyFeatures.length
          ? [{ key: LOYALTY_GROUP, icon: <CrownOutlined />, label: t('nav.loyalty'), 'data-testid': 'nav-loyalty', children: loyaltyFeatures.map(featureItem) }]
          : []),
        ...allowed(FEATURES_LAST).map(featureItem),
      ]
    : [];
  const adminItems: MenuProps['items'] = session.operator.isAdmin
    ? [
        { type: 'divider' },
        {
          type: 'group',
          label: collapsed ? null : t('nav.instance'),
          children: [
            { key: '/accounts/new', icon: <ApiOutlined />, label: t('nav.connect'), 'data-testid': 'nav-connect' },
            { key: '/operators', icon: <UserSwitchOutlined />, label: t('nav.operators'), 'data-testid': 'nav-operators' },
          ],
        },
      ]
    : [];
  const items = [...accountItems, ...adminItems];
  const selected = items.flatMap((item) => (item && 'children' in item && item.children ? item.children : [item])).find((item) => {
    const key = item && 'key' in item ? String(item.key) : '';
    return key && (pathname === key || pathname.startsWith(`${key}/`));
  });

  return (
    <>
      <BrandMark compact={collapsed} />
      <Menu
        mode="inline"
        inlineCollapsed={collapsed}
        defaultOpenKeys={[REPLIES_GROUP, LOYALTY_GROUP]}
        items={items}
        selectedKeys={selected && 'key' in selected ? [String(selected.key)] : []}
        onClick={({ key }) => {
          navigate(key);
          onNavigate();
        }}
      />
    </>
  );
}
