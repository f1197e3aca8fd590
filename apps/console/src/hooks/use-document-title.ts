import { useEffect } from 'react';

/** The browser tab's title (the unread count shows there while the operator works in another tab). */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
