import { Form } from 'antd';
import type { Translate } from '../../i18n/i18n.tsx';

/** The ids of the flow's steps as typed so far, for the "next step" and "start step" pickers. */
export function useStepIds(): string[] {
  const form = Form.useFormInstance();
  const steps = Form.useWatch('steps', form) as Array<{ id?: string } | undefined> | undefined;
  return (steps ?? []).map((step) => step?.id?.trim() ?? '');
}

/** A form rule: a "next step" must name a step of this flow ('' = stay). */
export function stepExists(stepIds: string[], t: Translate) {
  return {
    validator: async (_: unknown, value: string | undefined) => {
      if (value && !stepIds.includes(value)) throw new Error(t('flows.stepMissing', { id: value }));
    },
  };
}
