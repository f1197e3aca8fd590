import { useEffect } from 'react';

/** WeChat's in-app browser shows document.title in its top bar: each page names itself. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
