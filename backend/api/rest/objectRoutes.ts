import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ObjectEndpoint, UploadOutcome } from '../../ports/objectStore';

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Errors shaped like S3's, so the console's upload code reads MinIO's and ours the same way. */
function s3Error(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply
    .code(status)
    .type('application/xml')
    .send(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error>`);
}

/**
 * The embedded object store's URLs, served by the backend (S3 serves them in stack mode): the
 * browser POSTs the presigned form to /objects/upload and GETs /objects/<key>?expires&signature.
 * No session: the signature is the authorization, checked by the store (adapters/local). Only
 * multipart bodies, up to the configured maximum upload plus the form's overhead.
 */
export function registerObjectRoutes(app: FastifyInstance, endpoint: ObjectEndpoint): void {
  // URLs are signed for the address the backend listens on, unless the store has a configured one (objects.publicUrl).
  app.addHook('onListen', async () => {
    const address = app.server.address();
    if (typeof address === 'object' && address) endpoint.setOrigin(`http://127.0.0.1:${address.port}`);
  });

  void app.register(async (scope) => {
    scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: endpoint.maxBodyBytes }, (_req, body, done) => done(null, body));
    scope.post('/objects/upload', async (req, reply) => {
      const type = req.headers['content-type'];
      if (!Buffer.isBuffer(req.body) || typeof type !== 'string' || !type.startsWith('multipart/form-data')) return s3Error(reply, 400, 'MalformedPOSTRequest', 'The body must be multipart/form-data');
      let form: FormData;
      try {
        // The platform's own multipart parser (undici), over a body already bounded by bodyLimit.
        form = await new Response(new Uint8Array(req.body), { headers: { 'content-type': type } }).formData();
      } catch {
        return s3Error(reply, 400, 'MalformedPOSTRequest', 'The body of your POST request is not well-formed multipart/form-data.');
      }
      const fields: Record<string, string> = {};
      let file: { bytes: Uint8Array } | null = null;
      for (const [name, value] of form.entries()) {
        if (typeof value === 'string') fields[name] = value;
        else if (name === 'file' && file === null) file = { bytes: new Uint8Array(await value.arrayBuffer()) };
      }
      const outcome: UploadOutcome = await endpoint.acceptUpload(fields, file);
      if (outcome.status >= 300) return s3Error(reply, outcome.status, outcome.code ?? 'AccessDenied', outcome.message ?? 'refused');
      return reply.code(outcome.status).send();
    });
  });

  // Keys are exactly cases/<caseId>/<uuid>-<name> (the router decodes each segment).
  app.get('/objects/cases/:caseId/:name', async (req, reply) => {
    const { caseId, name } = req.params as { caseId: string; name: string };
    const key = `cases/${caseId}/${name}`;
    const found = await endpoint.openDownload(key, req.query as Record<string, string | undefined>);
    if (!found.object) return s3Error(reply, found.status, found.status === 404 ? 'NoSuchKey' : 'AccessDenied', found.message ?? 'refused');
    return reply
      .code(200)
      .headers({
        'content-type': found.object.contentType,
        'content-length': String(found.object.size),
        'content-disposition': `attachment; filename="${found.object.fileName}"`,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'cache-control': 'private, no-store',
      })
      .send(createReadStream(found.object.path));
  });
}
