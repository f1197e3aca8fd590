import { CommentOutlined, TeamOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/i18n.tsx';

/** The brand side of the login screen: what the product is for, in three lines. */
export function LoginShowcase() {
  const { t } = useI18n();
  const points = [
    { icon: <CommentOutlined />, title: t('login.point1.title'), body: t('login.point1.body') },
    { icon: <ThunderboltOutlined />, title: t('login.point2.title'), body: t('login.point2.body') },
    { icon: <TeamOutlined />, title: t('login.point3.title'), body: t('login.point3.body') },
  ];
  return (
    <aside className="zg-login-showcase" aria-hidden>
      <div className="zg-login-showcase-inner">
        <h2>{t('login.showcase.title')}</h2>
        <p>{t('login.showcase.body')}</p>
        <ul>
          {points.map((point) => (
            <li key={point.title}>
              <span className="zg-login-point-icon">{point.icon}</span>
              <span>
                <strong>{point.title}</strong>
                <small>{point.body}</small>
              </span>
            </li>
          ))}
        </ul>
      </div>
    </aside>
  );
}
