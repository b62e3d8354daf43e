import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/apiError';
import { precheckFile, uploadErrorFromGrant, uploadErrorFromResponse } from './uploadErrors';

describe('upload error mapping', () => {
  it('reads requestUpload refusals by the field the API names', () => {
    expect(uploadErrorFromGrant(new ApiError('INVALID_INPUT', 'size: must be at most 10485760 bytes', { field: 'size' })).kind).toBe('tooLarge');
    expect(uploadErrorFromGrant(new ApiError('INVALID_INPUT', 'contentType: must be one of image/png, text/plain', { field: 'contentType' })).kind).toBe('wrongType');
    expect(uploadErrorFromGrant(new ApiError('INVALID_INPUT', 'size: must be at most 10 bytes')).kind).toBe('tooLarge');
    expect(uploadErrorFromGrant(new ApiError('INVALID_INPUT', 'contentType: must be one of image/png')).kind).toBe('wrongType');
  });
  it('keeps the server message for the agent', () => {
    expect(uploadErrorFromGrant(new ApiError('INVALID_INPUT', 'size: must be at most 5 bytes', { field: 'size' })).detail).toBe('size: must be at most 5 bytes');
  });
  it('tells network failures and refusals of the user apart from other failures', () => {
    expect(uploadErrorFromGrant(new ApiError('NETWORK', 'Failed to fetch')).kind).toBe('network');
    expect(uploadErrorFromGrant(new ApiError('FORBIDDEN', 'Role ANALYST may not attachments:write')).kind).toBe('denied');
    expect(uploadErrorFromGrant(new ApiError('UNAVAILABLE', 'object store down')).kind).toBe('failed');
    expect(uploadErrorFromGrant(new ApiError('INVALID_INPUT', 'fileName: too long', { field: 'fileName' })).kind).toBe('failed');
  });
  it('reads S3/MinIO XML refusals of the POST: too large, expired policy, wrong content type', () => {
    const xml = (code: string, message: string) => `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
    expect(uploadErrorFromResponse(400, xml('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed object size.')).kind).toBe('tooLarge');
    expect(uploadErrorFromResponse(403, xml('AccessDenied', 'Invalid according to Policy: Policy expired.')).kind).toBe('expired');
    expect(uploadErrorFromResponse(403, xml('AccessDenied', 'Invalid according to Policy: Policy Condition failed: ["eq", "$Content-Type", "image/png"]')).kind).toBe('wrongType');
    expect(uploadErrorFromResponse(403, xml('AccessDenied', 'Invalid according to Policy: Policy Condition failed: ["content-length-range", 1, 10]')).kind).toBe('tooLarge');
    expect(uploadErrorFromResponse(403, xml('SignatureDoesNotMatch', 'The request signature we calculated does not match')).kind).toBe('denied');
  });
  it('reads the embedded store\'s JSON refusals and bare statuses', () => {
    expect(uploadErrorFromResponse(403, JSON.stringify({ error: { code: 'FORBIDDEN', message: 'upload URL expired' } })).kind).toBe('expired');
    expect(uploadErrorFromResponse(413, '').kind).toBe('tooLarge');
    expect(uploadErrorFromResponse(415, '').kind).toBe('wrongType');
    expect(uploadErrorFromResponse(0, '').kind).toBe('network');
    const other = uploadErrorFromResponse(500, 'boom');
    expect(other.kind).toBe('failed');
    expect(other.detail).toBe('boom');
  });
  it('refuses an empty file, or one over a known limit, before asking', () => {
    expect(precheckFile({ size: 0 }, null)?.kind).toBe('failed');
    expect(precheckFile({ size: 11 }, 10)?.kind).toBe('tooLarge');
    expect(precheckFile({ size: 10 }, 10)).toBeNull();
  });
});
