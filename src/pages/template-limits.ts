// Limits on the work of rendering one page through a template, so that no template (and no value
// a template loops over, such as a number in an article's front-matter) can hang a build or fill
// memory until V8 aborts: `{% for i in (1..1000000000) %}` allocated 2.2 GB and ended the process.
// Each limit counts; none uses a clock, so a page is rendered or refused the same at any load.
//
// - LiquidJS's memoryLimit: the elements of every range (`(1..n)`) and what its filters allocate
//   (split, join, concat, strip_html, ...) count towards it, checked before the allocation.
// - Steps: every loop iteration, include, layout and block (each is one call of LiquidJS's
//   renderTemplates, which the engine's own method is wrapped to count), so that loops over
//   ranges or data, nested or not, with or without output, end.
// - Output: the page's HTML so far, checked at each step.
// - LiquidJS's parseLimit: the characters of a template with its partials and layouts.
// A limit met is a template-render problem naming the template file and the line of the tag.

import type { Context, Emitter, Liquid, Template } from 'liquidjs';

/** LiquidJS's memoryLimit: range elements and filter allocations in one page's render. */
export const TEMPLATE_MEMORY_LIMIT = 20_000_000;

/** Loop iterations, includes, layouts and blocks in one page's render. */
export const TEMPLATE_STEP_LIMIT = 10_000_000;

/** Characters of HTML one page may have (64 Mi). */
export const PAGE_OUTPUT_LIMIT = 64 * 1024 * 1024;

/** LiquidJS's parseLimit: characters of one template with everything it includes. */
export const TEMPLATE_PARSE_LIMIT = 16 * 1024 * 1024;

/** The Liquid constructor options that set LiquidJS's own limits. */
export const LIQUID_LIMITS = { memoryLimit: TEMPLATE_MEMORY_LIMIT, parseLimit: TEMPLATE_PARSE_LIMIT } as const;

/** The message of LiquidJS's memoryLimit, which its error carries. */
const LIQUID_MEMORY_MESSAGE = 'memory alloc limit exceeded';

/**
 * What a limit's error says, in words for a template author; undefined for other errors.
 * `cause` is the error's first line as LiquidJS reports it.
 */
export function templateLimitCause(cause: string): string | undefined {
  if (cause.startsWith(LIQUID_MEMORY_MESSAGE)) {
    return `the template makes ranges or filter results of more than ${TEMPLATE_MEMORY_LIMIT.toLocaleString('en')} elements in one page (Broadsheet's limit)`;
  }
  // JavaScript's own stack ran out: templates that include or render one another without end.
  if (cause.startsWith('Maximum call stack size exceeded')) {
    return 'templates include or render one another without end here (a partial that includes itself, directly or through another): give the loop a way out, or remove it';
  }
  return undefined;
}

/**
 * Count the steps and the output of every render of `engine`: its renderer's renderTemplates
 * (public in LiquidJS's types) is wrapped on this engine alone. Throws, inside the render, an
 * error that LiquidJS reports at the tag being rendered.
 */
export function limitTemplateWork(engine: Liquid): void {
  const renderer = engine.renderer;
  const renderTemplates = renderer.renderTemplates.bind(renderer);
  // One count per page render: contexts spawned by {% render %} share their parent's limiter.
  const steps = new WeakMap<object, number>();
  // Not a generator of its own: the checks run as LiquidJS asks for the render, which it then
  // drives itself (a wrapping generator, resumed at every node, was 1.5% of a page worker's time).
  renderer.renderTemplates = function (templates: Template[], ctx: Context, emitter?: Emitter) {
    const key = ctx.memoryLimit;
    const taken = (steps.get(key) ?? 0) + 1;
    steps.set(key, taken);
    if (taken > TEMPLATE_STEP_LIMIT) {
      throw new Error(`the template takes more than ${TEMPLATE_STEP_LIMIT.toLocaleString('en')} steps (loop iterations, includes, blocks) for one page (Broadsheet's limit)`);
    }
    if (emitter && emitter.buffer.length > PAGE_OUTPUT_LIMIT) {
      throw new Error(`the template makes more than ${PAGE_OUTPUT_LIMIT.toLocaleString('en')} characters of HTML for one page (Broadsheet's limit)`);
    }
    return renderTemplates(templates, ctx, emitter);
  };
}
