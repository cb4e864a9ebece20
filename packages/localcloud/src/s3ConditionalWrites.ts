import type { IncomingMessage, ServerResponse } from 'node:http';

/** The part of s3rver's store a conditional write needs. */
export interface ObjectExistence {
  existsObject(bucket: string, key: string): Promise<boolean>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * S3 conditional writes (`PutObject` with `If-None-Match: *`), which s3rver ignores: when the key exists,
 * answer 412 PreconditionFailed as S3 does. Conditional writes of one key are serialised until the
 * previous one has answered, so of two racing creates exactly one succeeds.
 */
export function withConditionalWrites(store: ObjectExistence, forward: Handler): Handler {
  const busy = new Map<string, Promise<void>>();
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const [bucket = '', ...rest] = url.pathname.slice(1).split('/');
    const key = decodeURIComponent(rest.join('/'));
    const conditional =
      req.method === 'PUT' &&
      req.headers['if-none-match'] === '*' &&
      key !== '' &&
      !url.searchParams.has('uploadId') &&
      !req.headers['x-amz-copy-source'];
    if (!conditional) return forward(req, res);
    const id = `${bucket}/${key}`;
    const previous = busy.get(id) ?? Promise.resolve();
    const done = new Promise<void>((resolve) => {
      res.once('close', resolve);
      res.once('finish', resolve);
    });
    const mine = previous.then(() => done);
    busy.set(id, mine);
    mine.then(() => {
      if (busy.get(id) === mine) busy.delete(id);
    });
    previous
      .then(() => store.existsObject(bucket, key))
      .then(
        (exists) => (exists ? preconditionFailed(req, res, id) : forward(req, res)),
        () => forward(req, res),
      );
  };
}

function preconditionFailed(req: IncomingMessage, res: ServerResponse, resource: string): void {
  req.resume();
  res.writeHead(412, { 'Content-Type': 'application/xml' });
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message><Condition>If-None-Match</Condition><Resource>/${resource}</Resource></Error>`,
  );
}
