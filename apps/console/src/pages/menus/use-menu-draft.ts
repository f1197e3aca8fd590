import { useMemo, useState } from 'react';
import { App, Form, type FormInstance } from 'antd';
import { MENU_LIMITS, menuIssues, type MenuButton, type MenuSet } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  buttonAt,
  buttonsAt,
  cleanSet,
  hasAction,
  menuButtonsPath,
  moved,
  newButton,
  newConditionalMenu,
  normalizeSet,
  type ButtonRef,
  type Path,
} from './menu-form.ts';

const everything = (values: Partial<MenuSet>) => values;

/**
 * The menu set being edited (the form's values), which menu and button are open, and the edits of its
 * structure: buttons added, removed and moved, personalised menus added and removed. Field edits go
 * through the form itself.
 */
export function useMenuDraft(form: FormInstance) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const watched = Form.useWatch(everything, { form, preserve: true });
  const draft = useMemo(() => normalizeSet(watched), [watched]);
  const clean = useMemo(() => cleanSet(watched), [watched]);
  const issues = useMemo(() => menuIssues(clean), [clean]);
  const [menuId, setMenuId] = useState<string | null>(null);
  const [picked, setPicked] = useState<ButtonRef | null>(null);

  const openMenuId = menuId !== null && menuButtonsPath(draft, menuId) ? menuId : null;
  const base: Path = menuButtonsPath(draft, openMenuId) ?? ['buttons'];
  const buttons = buttonsAt(draft, base);
  // Nothing picked (or the pick is gone after an import): the first button is open.
  const selected: ButtonRef | null = picked && buttonAt(buttons, picked) ? picked : buttons.length ? { top: 0, sub: null } : null;

  /** The current values, not the last render's: edits follow each other within one event. */
  const fresh = () => buttonsAt(normalizeSet(form.getFieldsValue(true) as Partial<MenuSet>), base);
  const write = (next: MenuButton[]) => form.setFieldValue(base, next);

  const addTop = () => {
    const list = fresh();
    if (list.length >= MENU_LIMITS.top) return;
    write([...list, newButton()]);
    setPicked({ top: list.length, sub: null });
  };

  const addSub = (top: number) => {
    const list = fresh();
    const parent = list[top];
    if (!parent || (parent.subButtons?.length ?? 0) >= MENU_LIMITS.sub) return;
    const subs = parent.subButtons ?? [];
    const apply = () => {
      write(list.map((button, index) => (index === top ? { name: button.name, subButtons: [...subs, newButton()] } : button)));
      setPicked({ top, sub: subs.length });
    };
    // WeChat's own editor warns the same way: a button with sub-buttons does nothing itself.
    if (subs.length === 0 && hasAction(parent)) {
      modal.confirm({ title: t('menus.addSubConfirm', { name: parent.name || t('menus.untitled') }), okText: t('menus.addSub'), cancelText: t('common.cancel'), onOk: apply });
    } else apply();
  };

  const remove = (ref: ButtonRef) => {
    const list = fresh();
    if (ref.sub === null) {
      write(list.filter((_, index) => index !== ref.top));
      setPicked(list.length > 1 ? { top: Math.max(0, ref.top - 1), sub: null } : null);
      return;
    }
    const parent = list[ref.top];
    const subs = (parent?.subButtons ?? []).filter((_, index) => index !== ref.sub);
    // The last sub-button gone: the top button is a plain button again.
    const replaced: MenuButton = subs.length ? { ...parent, name: parent?.name ?? '', subButtons: subs } : { ...newButton(), name: parent?.name ?? '' };
    write(list.map((button, index) => (index === ref.top ? replaced : button)));
    setPicked(subs.length ? { top: ref.top, sub: Math.max(0, ref.sub - 1) } : { top: ref.top, sub: null });
  };

  const move = (ref: ButtonRef, delta: -1 | 1) => {
    const list = fresh();
    if (ref.sub === null) {
      const to = ref.top + delta;
      if (to < 0 || to >= list.length) return;
      write(moved(list, ref.top, to));
      setPicked({ top: to, sub: null });
      return;
    }
    const subs = list[ref.top]?.subButtons ?? [];
    const to = ref.sub + delta;
    if (to < 0 || to >= subs.length) return;
    write(list.map((button, index) => (index === ref.top ? { ...button, subButtons: moved(subs, ref.sub as number, to) } : button)));
    setPicked({ top: ref.top, sub: to });
  };

  const openMenu = (id: string | null) => {
    setMenuId(id);
    setPicked(null);
  };

  const addMenu = () => {
    const set = normalizeSet(form.getFieldsValue(true) as Partial<MenuSet>);
    if (set.conditional.length >= MENU_LIMITS.conditional) return;
    const menu = newConditionalMenu(t('menus.newConditionalName', { n: set.conditional.length + 1 }), set.buttons);
    form.setFieldValue(['conditional'], [...set.conditional, menu]);
    openMenu(menu.id);
  };

  const removeMenu = (id: string) => {
    const set = normalizeSet(form.getFieldsValue(true) as Partial<MenuSet>);
    form.setFieldValue(['conditional'], set.conditional.filter((menu) => menu.id !== id));
    openMenu(null);
  };

  return {
    draft,
    clean,
    issues,
    menuId: openMenuId,
    menuIndex: openMenuId === null ? null : draft.conditional.findIndex((menu) => menu.id === openMenuId),
    base,
    buttons,
    selected,
    select: setPicked,
    openMenu,
    addTop,
    addSub,
    remove,
    move,
    addMenu,
    removeMenu,
  };
}

export type MenuDraft = ReturnType<typeof useMenuDraft>;
