import { AppError } from '../../common/errors';
import { CASE_ID, CUSTOMER_ID, UUID } from '../../common/ids';

/** Input checks shared by GraphQL and REST, so both answer the same INVALID_INPUT for the same mistake. */
export function customerIdInput(value: unknown, field = 'customerId'): string {
  if (typeof value !== 'string' || !CUSTOMER_ID.test(value)) {
    throw new AppError('INVALID_INPUT', `${field} must look like C0001234`, { field });
  }
  return value;
}

export function caseIdInput(value: unknown, field = 'caseId'): string {
  if (typeof value !== 'string' || !CASE_ID.test(value)) {
    throw new AppError('INVALID_INPUT', `${field} must look like C0001234:20250101T101500Z`, { field });
  }
  return value;
}

export function uuidInput(value: unknown, field: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw new AppError('INVALID_INPUT', `${field} must be a UUID`, { field });
  return value.toLowerCase();
}

export function pageSizeInput(value: unknown, max: number, field = 'first'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new AppError('INVALID_INPUT', `${field} must be an integer between 1 and ${max}`, { field, min: 1, max });
  }
  return value;
}

export function instantInput(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const ms = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new AppError('INVALID_INPUT', `${field} must be an ISO-8601 date or date-time`, { field });
  return ms;
}
