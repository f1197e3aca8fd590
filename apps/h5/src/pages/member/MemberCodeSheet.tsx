import { codeImageUrl } from '../../api.ts';
import { Sheet } from '../../components/Sheet.tsx';
import { groupsOfFour } from '../../format.ts';
import { text } from '../../text.ts';

interface MemberCodeSheetProps {
  accountId: number;
  memberNo: string;
  open: boolean;
  onClose: () => void;
}

/** The member code for the till, barcode above QR code as WeChat's own cards show it. */
export function MemberCodeSheet({ accountId, memberNo, open, onClose }: MemberCodeSheetProps) {
  return (
    <Sheet open={open} title={text.code.title} onClose={onClose} testId="member-code">
      <div className="member-code">
        <img className="member-code-barcode" src={codeImageUrl.member(accountId, 'barcode')} alt={text.code.barcodeAlt(memberNo)} />
        <p className="member-code-number">{groupsOfFour(memberNo)}</p>
        <img className="member-code-qr" src={codeImageUrl.member(accountId, 'qr')} alt={text.code.qrAlt(memberNo)} />
        <p className="member-code-hint">{text.code.hint}</p>
      </div>
    </Sheet>
  );
}
