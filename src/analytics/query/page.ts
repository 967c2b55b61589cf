import { UserInputError } from '../errors.ts';

/** The largest page (or `limit`) any field accepts. */
export const MAX_PAGE_SIZE = 1000;

/** A validated page request. */
export interface Page {
  page: number;
  pageSize: number;
}

/**
 * The one page/limit check: `page` ≥ 1 (when the field has pages) and the size 1–`maxSize`,
 * each error naming its own argument (`input.page`, `itemsPerPage`, `limit`…). A field
 * without pages (a plain `limit`) leaves `page` out and gets page 1.
 */
export function normalizePage(options: {
  page?: { value: number; argument: string };
  size: { value: number; argument: string };
  /** @default MAX_PAGE_SIZE */
  maxSize?: number;
}): Page {
  const { page = { value: 1, argument: 'page' }, size, maxSize = MAX_PAGE_SIZE } = options;
  if (!Number.isInteger(page.value) || page.value < 1) {
    throw new UserInputError(page.argument, `${page.argument} must be 1 or more, got ${page.value}`);
  }
  if (!Number.isInteger(size.value) || size.value < 1 || size.value > maxSize) {
    throw new UserInputError(size.argument, `${size.argument} must be between 1 and ${maxSize}, got ${size.value}`);
  }
  return { page: page.value, pageSize: size.value };
}

/**
 * The rows of one page of already sorted rows, with the number of rows before paging. A page
 * past the end is empty: a client paging forward simply stops, as with any list API.
 */
export function pageRows<Row>(rows: readonly Row[], page: Page): { data: Row[]; total: number } {
  const start = (page.page - 1) * page.pageSize;
  return { data: rows.slice(start, start + page.pageSize), total: rows.length };
}
