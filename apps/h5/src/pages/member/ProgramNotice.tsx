import { text } from '../../text.ts';

/** 使用须知: the operator's terms, as plain text with its line breaks. */
export function ProgramNotice({ notice }: { notice: string }) {
  if (!notice.trim()) return null;
  return (
    <section className="notice">
      <h2 className="notice-title">{text.member.notice}</h2>
      <p className="notice-text">{notice}</p>
    </section>
  );
}
