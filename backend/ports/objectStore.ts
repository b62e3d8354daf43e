/** Objects port (attachments): browser-direct presigned uploads and downloads. Embedded: files under the data dir; stack: S3/MinIO. */
export interface PresignedUpload {
  url: string;
  fields: Record<string, string>;
  key: string;
  expiresAt: number;
}

export interface StoredObject {
  size: number;
  contentType: string;
}

/** The answer of the backend-served upload endpoint, shaped like S3's (status and an XML-free code). */
export interface UploadOutcome {
  status: number;
  code?: 'AccessDenied' | 'EntityTooLarge' | 'EntityTooSmall' | 'InvalidPolicyDocument' | 'MalformedPOSTRequest';
  message?: string;
}

export interface DownloadOutcome {
  status: number;
  message?: string;
  object?: StoredObject & { path: string; fileName: string };
}

/**
 * What the backend serves when it is the object server itself (embedded): the S3-style POST form
 * upload and the signed GET. Absent for S3, where the object server answers those URLs.
 */
export interface ObjectEndpoint {
  /** The form fields as posted, and the file's bytes; every check of the signed policy happens here. */
  acceptUpload(fields: Record<string, string>, file: { bytes: Uint8Array } | null): Promise<UploadOutcome>;
  /** key: the decoded path after /objects/; query: the URL's search parameters. */
  openDownload(key: string, query: Record<string, string | undefined>): Promise<DownloadOutcome>;
  /** The origin URLs are signed for, once the backend listens (unless configured). */
  setOrigin(origin: string): void;
  /** The largest upload body the endpoint accepts (the configured maximum plus the form's overhead). */
  readonly maxBodyBytes: number;
}

export interface ObjectStore {
  presignUpload(input: { caseId: string; fileName: string; contentType: string; maxBytes: number }): Promise<PresignedUpload>;
  presignDownload(key: string): Promise<{ url: string; expiresAt: number }>;
  /** The object's size and type; null when nothing is stored under the key. */
  stat(key: string): Promise<StoredObject | null>;
  /** The origin browsers upload to and download from, for the desktop CSP; undefined: the backend's own. */
  readonly browserOrigin?: string;
  /** Set when the backend itself serves the signed URLs (embedded). */
  readonly endpoint?: ObjectEndpoint;
}
