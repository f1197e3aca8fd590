import type { FanMember, FanProgram } from '@zhanggui/shared';
import { CellGroup } from '../../components/Cells.tsx';
import { text } from '../../text.ts';

/** The member's level, what it gives, and how far the next one is. */
export function LevelBenefits({ program, member }: { program: FanProgram; member: FanMember }) {
  const level = member.level;
  return (
    <CellGroup title={text.member.benefits}>
      <div className="cell cell-block">
        {level && <p className="benefit-level">{level.name}</p>}
        {level?.payPercent != null && <p className="benefit-line">{text.member.discount(level.payPercent)}</p>}
        <p className="benefit-text">{level?.benefits || text.member.noBenefits}</p>
        <NextLevel program={program} member={member} />
      </div>
    </CellGroup>
  );
}

function NextLevel({ program, member }: { program: FanProgram; member: FanMember }) {
  const next = member.nextLevel;
  if (!next) return <p className="level-note">{text.member.topLevel}</p>;
  // Progress from the current level's threshold to the next one's (both in lifetime points earned).
  const from = program.levels.find((level) => level.id === member.level?.id)?.threshold ?? 0;
  const to = member.pointsEarned + next.needed;
  const percent = to > from ? Math.min(100, Math.max(0, Math.round(((member.pointsEarned - from) / (to - from)) * 100))) : 100;
  const label = text.member.nextLevel(next.needed, next.name);
  return (
    <div className="level-progress">
      <p className="level-note">{label}</p>
      <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className="progress-bar" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
