import { ApiError } from './api.ts';
import { el } from './format.ts';
import type { DashboardState } from './state.ts';

/** One panel: draws a view of the state into its body; the frame shows loading and errors. */
export interface PanelSpec {
  id: string;
  title: string;
  /** Controls that stay usable whatever the body shows (an error included). */
  controls?: HTMLElement;
  /** Fetches and draws; a thrown error becomes the panel's error state. */
  render(body: HTMLElement, state: DashboardState, signal: AbortSignal): Promise<void>;
}

export interface Panel {
  element: HTMLElement;
  refresh(state: DashboardState): Promise<void>;
}

/**
 * The frame of a panel. Each refresh replaces the previous one (its answer is ignored if it
 * arrives late), marks the panel busy for assistive technology, and on failure shows what the
 * API said: a refused key says so, a bad argument shows the API's message.
 */
export function createPanel(spec: PanelSpec): Panel {
  const status = el('p', { class: 'panel-status', role: 'status', 'aria-live': 'polite' });
  const body = el('div', { class: 'panel-body' });
  const element = el('section', { class: 'panel', id: spec.id, 'aria-labelledby': `${spec.id}-title`, 'data-state': 'idle' },
    el('h2', { id: `${spec.id}-title` }, spec.title), spec.controls, status, body);
  let current: AbortController | null = null;

  return {
    element,
    async refresh(state) {
      current?.abort();
      const controller = new AbortController();
      current = controller;
      element.dataset.state = 'loading';
      element.setAttribute('aria-busy', 'true');
      status.textContent = 'Loading…';
      status.className = 'panel-status';
      try {
        await spec.render(body, state, controller.signal);
        if (controller.signal.aborted) return;
        element.dataset.state = 'ready';
        status.textContent = '';
      } catch (error) {
        if (controller.signal.aborted) return;
        element.dataset.state = 'error';
        status.className = 'panel-status error';
        status.setAttribute('role', 'alert');
        status.textContent = describe(error);
        body.replaceChildren();
      } finally {
        if (!controller.signal.aborted) element.removeAttribute('aria-busy');
      }
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'UNAUTHENTICATED') return `The API key was refused (401): ${error.message}`;
    if (error.code === 'FORBIDDEN') return `This key may not see this (403): ${error.message}`;
    if (error.code === 'BAD_USER_INPUT') return `Check the inputs: ${error.message}`;
    if (error.code === 'RATE_LIMITED') return `Too many requests; try again shortly. ${error.message}`;
    return `${error.message} (${error.code})`;
  }
  return `Something went wrong: ${(error as Error).message}`;
}
