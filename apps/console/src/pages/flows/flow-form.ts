import type { FlowChoice, FlowInput, FlowInputSpec, FlowStep, MessageReply } from '@zhanggui/shared';
import { cleanMessage } from '../../components/replies/reply-actions.ts';

/** A choice in the form: values to remember as rows (an object's keys cannot be edited in place). */
export interface ChoiceValues extends Omit<FlowChoice, 'set' | 'next' | 'messages'> {
  messages: MessageReply[];
  /** '' = stay on this step. */
  next: string;
  set: Array<{ key: string; value: string }>;
}

export interface StepValues extends Omit<FlowStep, 'choices' | 'input' | 'otherwise' | 'submit'> {
  choices: ChoiceValues[];
  otherwise: string;
  input: FlowInputSpec;
  submit: boolean;
}

/** The editor mirrors FlowInput, so the server's error paths (steps.2.choices.0.next) name form fields. */
export interface FlowFormValues extends Omit<FlowInput, 'steps' | 'finishers'> {
  steps: StepValues[];
  finishersOn: boolean;
  finishers: { limit: number; winnerMessage: string; otherMessage: string };
}

const EMPTY_INPUT: FlowInputSpec = { key: '', validate: 'text', next: '', invalidMessage: '' };

export function newChoice(): ChoiceValues {
  return { match: { type: 'exact', value: '' }, messages: [], next: '', set: [] };
}

export function newStep(id: string): StepValues {
  return { id, name: '', kind: 'choice', messages: [{ type: 'text', content: '' }], choices: [newChoice()], otherwise: '', input: { ...EMPTY_INPUT }, submit: false };
}

/** "step2", "step3"… the first id not taken. */
export function freeStepId(taken: string[]): string {
  for (let n = taken.length + 1; ; n++) if (!taken.includes(`step${n}`)) return `step${n}`;
}

export function flowValues(flow: FlowInput): FlowFormValues {
  return {
    name: flow.name,
    enabled: flow.enabled ?? true,
    entryKeywords: flow.entryKeywords ?? [],
    exitWords: flow.exitWords ?? [],
    exitMessage: flow.exitMessage ?? '',
    timeoutMinutes: flow.timeoutMinutes ?? 30,
    startStep: flow.startStep,
    steps: flow.steps.map((step) => ({
      id: step.id,
      name: step.name ?? '',
      kind: step.kind,
      messages: step.messages,
      choices: (step.choices ?? []).map((choice) => ({
        match: { ...choice.match },
        messages: choice.messages ?? [],
        next: choice.next ?? '',
        set: Object.entries(choice.set ?? {}).map(([key, value]) => ({ key, value })),
        score: choice.score,
      })),
      otherwise: step.otherwise ?? '',
      input: step.input ?? { ...EMPTY_INPUT },
      submit: step.submit ?? false,
    })),
    finishersOn: Boolean(flow.finishers),
    finishers: flow.finishers
      ? { limit: flow.finishers.limit, winnerMessage: flow.finishers.winnerMessage, otherMessage: flow.finishers.otherMessage ?? '' }
      : { limit: 1, winnerMessage: '', otherMessage: '' },
  };
}

const optionalText = (value: string | undefined) => (value && value.trim() ? value : undefined);
const optionalNumber = (value: number | null | undefined) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

function choiceInput(choice: ChoiceValues): FlowChoice {
  const { type } = choice.match;
  const set = Object.fromEntries((choice.set ?? []).filter((row) => row?.key?.trim()).map((row) => [row.key.trim(), row.value ?? '']));
  return {
    match: {
      type,
      value: type === 'any' ? undefined : optionalText(choice.match.value),
      min: type === 'number' ? optionalNumber(choice.match.min) : undefined,
      max: type === 'number' ? optionalNumber(choice.match.max) : undefined,
    },
    messages: (choice.messages ?? []).filter((message) => message?.type).map(cleanMessage),
    next: choice.next || undefined,
    set: Object.keys(set).length ? set : undefined,
    score: optionalNumber(choice.score),
  };
}

function stepInput(step: StepValues): FlowStep {
  const base: FlowStep = { id: step.id.trim(), name: optionalText(step.name), kind: step.kind, messages: (step.messages ?? []).filter((m) => m?.type).map(cleanMessage) };
  if (step.kind === 'choice') return { ...base, choices: (step.choices ?? []).map(choiceInput), otherwise: optionalText(step.otherwise) };
  if (step.kind === 'input') {
    const input = step.input;
    return {
      ...base,
      input: {
        key: input.key.trim(),
        validate: input.validate,
        pattern: input.validate === 'regex' ? input.pattern : undefined,
        minLength: optionalNumber(input.minLength),
        maxLength: optionalNumber(input.maxLength),
        next: input.next,
        invalidMessage: input.invalidMessage,
      },
    };
  }
  return { ...base, submit: step.submit };
}

export function flowInputFromValues(values: FlowFormValues): FlowInput {
  return {
    name: values.name.trim(),
    enabled: values.enabled,
    entryKeywords: (values.entryKeywords ?? []).map((word) => word.trim()).filter(Boolean),
    exitWords: (values.exitWords ?? []).map((word) => word.trim()).filter(Boolean),
    exitMessage: values.exitMessage ?? '',
    timeoutMinutes: values.timeoutMinutes,
    startStep: values.startStep,
    steps: (values.steps ?? []).map(stepInput),
    finishers: values.finishersOn
      ? { limit: values.finishers.limit, winnerMessage: values.finishers.winnerMessage, otherMessage: optionalText(values.finishers.otherMessage) }
      : undefined,
  };
}

/** Renaming a step keeps the flow connected: the start step and every "next" that named it follow. */
export function renameStepReferences(values: FlowFormValues, from: string, to: string): Pick<FlowFormValues, 'startStep' | 'steps'> {
  const rename = (id: string) => (id === from ? to : id);
  return {
    startStep: rename(values.startStep),
    steps: values.steps.map((step) => ({
      ...step,
      choices: (step.choices ?? []).map((choice) => ({ ...choice, next: rename(choice.next) })),
      input: step.input ? { ...step.input, next: rename(step.input.next) } : step.input,
    })),
  };
}
