import { UserInputError } from '../../errors.ts';

export const MAX_PAGE_SIZE = 1000;

/** A validated page request. */
export interface Page {
  page: number;
  pageSize: number;
}

/** `page` ≥ 1 and `pageSize` 1–1000, each error naming its own argument. */
export function normalizePage(options: { page: number; pageSize: number; argumentPrefix: string }): Page {
  const { page, pageSize, argumentPrefix } = options;
  if (!Number.isInteger(page) || page < 1) {
    throw new UserInputError(`${argumentPrefix}page`, `${argumentPrefix}page must be 1 or more, got ${page}`);
  }
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new UserInputError(
      `${argumentPrefix}pageSize`,
      `${argumentPrefix}pageSize must be between 1 and ${MAX_PAGE_SIZE}, got ${pageSize}`,
    );
  }
  return { page, pageSize };
}

/**
 * The rows of one page of already sorted rows, with the number of rows before paging. A page
 * past the end is empty: a client paging forward simply stops, as with any list API.
 */
export function pageRows<Row>(rows: readonly Row[], page: Page): { data: Row[]; total: number } {
  const start = (page.page - 1) * page.pageSize;
  return { data: rows.slice(start, start + page.pageSize), total: rows.length };
}
