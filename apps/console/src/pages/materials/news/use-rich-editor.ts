import { useCallback, useEffect, useRef, useState } from 'react';
import { articleHtmlOf, currentBlock, loadArticleHtml } from './article-dom.ts';

export interface RichState {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  /** p, h3, blockquote, li… where the caret is. */
  block: string | null;
}

const IDLE: RichState = { bold: false, italic: false, underline: false, block: null };

/**
 * A contentEditable driven by the browser's editing commands (execCommand: deprecated on paper, still the only
 * way to keep the browser's own undo stack). The selection is remembered while the toolbar's popovers have
 * the focus, and put back before a command runs.
 */
export function useRichEditor(initialHtml: string, onChange: (html: string) => void) {
  const ref = useRef<HTMLDivElement>(null);
  const saved = useRef<Range | null>(null);
  const [state, setState] = useState<RichState>(IDLE);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    // Once per mount: the editor owns its DOM afterwards (a new article remounts it).
    if (ref.current) loadArticleHtml(ref.current, initialHtml || '<p><br></p>');
  }, []);

  useEffect(() => {
    const remember = () => {
      const editor = ref.current;
      const selection = document.getSelection();
      if (!editor || !selection?.rangeCount || !editor.contains(selection.anchorNode)) return;
      saved.current = selection.getRangeAt(0).cloneRange();
      setState({
        bold: document.queryCommandState('bold'),
        italic: document.queryCommandState('italic'),
        underline: document.queryCommandState('underline'),
        block: currentBlock(editor),
      });
    };
    document.addEventListener('selectionchange', remember);
    return () => document.removeEventListener('selectionchange', remember);
  }, []);

  const emit = useCallback(() => {
    if (ref.current) onChangeRef.current(articleHtmlOf(ref.current));
  }, []);

  /** Focus back in the editor with the remembered selection (or the caret at the end). */
  const restore = useCallback(() => {
    const editor = ref.current;
    const selection = document.getSelection();
    if (!editor || !selection) return;
    editor.focus();
    let range = saved.current;
    if (!range || !editor.contains(range.startContainer)) {
      range = document.createRange();
      range.selectNodeContents(editor);
      range.collapse(false);
    }
    selection.removeAllRanges();
    selection.addRange(range);
  }, []);

  const run = useCallback(
    (command: string, value?: string) => {
      restore();
      document.execCommand('defaultParagraphSeparator', false, 'p');
      // Inline styles (<span style="color: …">) rather than <font> and <b>: WeChat keeps styles.
      document.execCommand('styleWithCSS', false, 'true');
      document.execCommand(command, false, value);
      emit();
    },
    [restore, emit],
  );

  /** A link on the selection, or the address itself as the link text when nothing is selected. */
  const insertLink = useCallback(
    (href: string) => {
      restore();
      const selection = document.getSelection();
      if (selection && !selection.isCollapsed) return run('createLink', href);
      const link = document.createElement('a');
      link.href = href;
      link.textContent = href;
      run('insertHTML', link.outerHTML);
    },
    [restore, run],
  );

  const insertImage = useCallback(
    (url: string) => {
      run('insertImage', url);
      for (const image of ref.current?.querySelectorAll('img:not([referrerpolicy])') ?? []) image.setAttribute('referrerpolicy', 'no-referrer');
    },
    [run],
  );

  const onFocus = useCallback(() => document.execCommand('defaultParagraphSeparator', false, 'p'), []);

  return { ref, state, run, insertLink, insertImage, emit, onFocus };
}

export type RichEditor = ReturnType<typeof useRichEditor>;
