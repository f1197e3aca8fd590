import { parseReplyText } from './reply-text.ts';

/** A text reply as the fan sees it: links are links (web and WeChat only), {{placeholders}} marked. */
export function ReplyText({ content }: { content: string }) {
  return (
    <>
      {parseReplyText(content).map((segment, index) => {
        if (segment.kind === 'text') return <span key={index}>{segment.text}</span>;
        if (segment.kind === 'placeholder') {
          return (
            <span key={index} className="zg-phone-placeholder">
              {`{{${segment.name}}}`}
            </span>
          );
        }
        return segment.href ? (
          <a key={index} href={segment.href} target="_blank" rel="noopener noreferrer">
            {segment.text}
          </a>
        ) : (
          <span key={index} className="zg-phone-link-dead">
            {segment.text}
          </span>
        );
      })}
    </>
  );
}
