/** Objects port (attachments). Implemented by the stack-mode issue; declared here so services can depend on it. */
export interface PresignedUpload {
  url: string;
  fields: Record<string, string>;
  key: string;
  expiresAt: number;
}
export interface ObjectStore {
  presignUpload(input: { caseId: string; fileName: string; contentType: string; maxBytes: number }): Promise<PresignedUpload>;
  presignDownload(key: string): Promise<{ url: string; expiresAt: number }>;
}
