import { z } from 'zod';
import { compileRegex, RegexError } from '../replies/keyword-matcher.ts';
import { messageReplySchema } from '../replies/replies.schema.ts';
import { said } from '../../platform/http/validation-messages.ts';

const stepId = z.string().trim().regex(/^[\w-]{1,40}$/, 'letters, digits, _ or -, up to 40');

const choiceSchema = z.object({
  match: z.object({ type: z.enum(['exact', 'number', 'regex', 'any']), value: z.string().max(200).optional(), min: z.number().optional(), max: z.number().optional() }),
  messages: z.array(messageReplySchema).max(5).optional(),
  next: stepId.optional(),
  set: z.record(z.string().regex(/^\w{1,40}$/), z.string().max(500)).optional(),
  score: z.number().int().min(-1000).max(1000).optional(),
});

const stepSchema = z.object({
  id: stepId,
  name: z.string().max(60).optional(),
  messages: z.array(messageReplySchema).max(5),
  kind: z.enum(['choice', 'input', 'end']),
  choices: z.array(choiceSchema).max(50).optional(),
  otherwise: z.string().max(500).optional(),
  input: z
    .object({
      key: z.string().regex(/^\w{1,40}$/),
      validate: z.enum(['text', 'phone', 'number', 'regex']),
      pattern: z.string().max(200).optional(),
      minLength: z.number().int().min(0).max(2000).optional(),
      maxLength: z.number().int().min(1).max(2000).optional(),
      next: stepId,
      invalidMessage: z.string().min(1).max(500),
    })
    .optional(),
  submit: z.boolean().optional(),
});

export const flowInput = z
  .object({
    name: z.string().trim().min(1).max(60),
    enabled: z.boolean().default(true),
    entryKeywords: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
    exitWords: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
    exitMessage: z.string().max(500).default(''),
    timeoutMinutes: z.number().int().min(1).max(7 * 24 * 60).default(30),
    startStep: stepId,
    steps: z.array(stepSchema).min(1).max(200),
    finishers: z.object({ limit: z.number().int().min(1).max(100_000), winnerMessage: z.string().min(1).max(500), otherMessage: z.string().max(500).optional() }).nullable().default(null),
  })
  .superRefine((flow, ctx) => {
    const ids = new Set<string>();
    flow.steps.forEach((step, i) => {
      if (ids.has(step.id)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: said('duplicateStep', step.id) });
      ids.add(step.id);
    });
    if (!ids.has(flow.startStep)) ctx.addIssue({ code: 'custom', path: ['startStep'], message: said('noStep', flow.startStep) });
    const checkRegex = (pattern: string, path: (string | number)[]) => {
      try {
        compileRegex(pattern, false);
      } catch (error) {
        if (error instanceof RegexError) ctx.addIssue({ code: 'custom', path, message: said('regex', error.message) });
      }
    };
    flow.steps.forEach((step, i) => {
      if (step.kind === 'choice' && !step.choices?.length) ctx.addIssue({ code: 'custom', path: ['steps', i, 'choices'], message: said('choicesNeeded') });
      if (step.kind === 'input' && !step.input) ctx.addIssue({ code: 'custom', path: ['steps', i, 'input'], message: said('inputNeeded') });
      step.choices?.forEach((choice, j) => {
        if (choice.next && !ids.has(choice.next)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'choices', j, 'next'], message: said('noStep', choice.next) });
        if (choice.match.type === 'regex') {
          if (!choice.match.value) ctx.addIssue({ code: 'custom', path: ['steps', i, 'choices', j, 'match', 'value'], message: said('patternNeeded') });
          else checkRegex(choice.match.value, ['steps', i, 'choices', j, 'match', 'value']);
        }
        if ((choice.match.type === 'exact') && !choice.match.value) ctx.addIssue({ code: 'custom', path: ['steps', i, 'choices', j, 'match', 'value'], message: said('valueNeeded') });
      });
      if (step.input) {
        if (!ids.has(step.input.next)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'input', 'next'], message: said('noStep', step.input.next) });
        if (step.input.validate === 'regex') {
          if (!step.input.pattern) ctx.addIssue({ code: 'custom', path: ['steps', i, 'input', 'pattern'], message: said('patternNeeded') });
          else checkRegex(step.input.pattern, ['steps', i, 'input', 'pattern']);
        }
      }
    });
  });
export type FlowValues = z.output<typeof flowInput>;
