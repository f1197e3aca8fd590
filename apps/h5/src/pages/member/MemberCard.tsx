import type { FanMember, FanProgram } from '@zhanggui/shared';
import { groupsOfFour } from '../../format.ts';
import { text } from '../../text.ts';
import { cardColor, textColorOn } from './card-colors.ts';

interface MemberCardProps {
  program: FanProgram;
  /** null: a preview of the card before it is claimed. */
  member: FanMember | null;
  /** Tapping a member's card shows the member code. */
  onShowCode?: () => void;
}

/** The membership card: the programme's colour and logo, the level, the number and the points. */
export function MemberCard({ program, member, onShowCode }: MemberCardProps) {
  const background = cardColor(program.color);
  const style = { background, color: textColorOn(background) };
  const face = (
    <>
      <span className="card-top">
        <CardLogo program={program} />
        <span className="card-names">
          <span className="card-account">{program.accountName}</span>
          <span className="card-name">{program.cardName}</span>
        </span>
        {member?.level && <span className="card-level">{member.level.name}</span>}
      </span>
      {member && (
        <span className="card-bottom">
          <span className="card-number">
            <span className="card-caption">{text.member.memberNo}</span>
            <span className="card-member-row">
              <span className="card-member-no" data-testid="member-no">
                {groupsOfFour(member.memberNo)}
              </span>
              {onShowCode && <QrGlyph />}
            </span>
          </span>
          <span className="card-points">
            <span className="card-caption">{text.member.points}</span>
            <span className="card-points-value" data-testid="points-balance">
              {member.points}
            </span>
          </span>
        </span>
      )}
    </>
  );

  if (!member || !onShowCode) {
    return (
      <div className="member-card" style={style}>
        {face}
      </div>
    );
  }
  return (
    <button type="button" className="member-card member-card-button" style={style} onClick={onShowCode} data-testid="member-card">
      <span className="visually-hidden">{text.member.showCode}</span>
      {face}
    </button>
  );
}

/** A small QR code mark: tapping the card shows the member code. */
function QrGlyph() {
  return (
    <svg className="card-qr" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">
      <path d="M2 2h6v6H2zM12 2h6v6h-6zM2 12h6v6H2z" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M4.5 4.5h1v1h-1zM14.5 4.5h1v1h-1zM4.5 14.5h1v1h-1zM12 12h2v2h-2zM16 12h2v2h-2zM14 14h2v2h-2zM12 16h2v2h-2zM16 16h2v2h-2z" fill="currentColor" />
    </svg>
  );
}

function CardLogo({ program }: { program: FanProgram }) {
  if (program.logoUrl) return <img className="card-logo" src={program.logoUrl} alt="" />;
  // No logo uploaded: the first character of the account's name in a circle.
  return (
    <span className="card-logo card-logo-letter" aria-hidden="true">
      {Array.from(program.accountName || program.cardName)[0] ?? ''}
    </span>
  );
}
