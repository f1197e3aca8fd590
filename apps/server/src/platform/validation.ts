import { z } from 'zod';

/**
 * A link a fan or operator will open: http or https only. `javascript:`, `data:` and the like are refused,
 * so nothing stored can run script where it is shown (console previews, fan pages, news articles).
 */
export const webUrl = z
  .string()
  .trim()
  .max(1024)
  .pipe(z.url({ protocol: /^https?$/ }));
