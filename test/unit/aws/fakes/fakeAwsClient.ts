/** A call the fake received: command name without `Command`, and its input. */
export interface FakeCall {
  operation: string;
  input: any;
}

type Handler = (input: any) => unknown;

/**
 * A minimal in-memory SDK client: `send(command)` dispatches on the command's class name to a
 * handler. Records every call; `failNext` injects errors (e.g. throttling) ahead of handlers.
 */
export class FakeAwsClient {
  readonly calls: FakeCall[] = [];
  private readonly faults: { operation: string; error: () => Error }[] = [];

  constructor(private readonly handlers: Record<string, Handler>) {}

  async send(command: { constructor: { name: string }; input: unknown }): Promise<any> {
    const operation = command.constructor.name.replace(/Command$/, '');
    const input = structuredClone(command.input);
    this.calls.push({ operation, input });
    const faultIndex = this.faults.findIndex((f) => f.operation === operation);
    if (faultIndex >= 0) {
      const [fault] = this.faults.splice(faultIndex, 1);
      throw fault?.error();
    }
    const handler = this.handlers[operation];
    if (!handler) throw awsError('UnknownOperationException', `fake has no ${operation}`);
    return structuredClone(await handler(input));
  }

  /** The next `times` calls of `operation` fail with `error`. */
  failNext(operation: string, error: () => Error, times = 1): void {
    for (let i = 0; i < times; i++) this.faults.push({ operation, error });
  }

  callsOf(operation: string): FakeCall[] {
    return this.calls.filter((c) => c.operation === operation);
  }
}

/** An error shaped like an SDK service exception. */
export function awsError(name: string, message = name, status = 400): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
}

/** Pages `items` with an opaque numeric token, like AWS list APIs. */
export function page<T>(items: readonly T[], token: string | undefined, size: number) {
  const start = token ? Number(token) : 0;
  const end = start + size;
  return { items: items.slice(start, end), next: end < items.length ? String(end) : undefined };
}

/** Throws a ValidationException when a request exceeds an API maximum, as AWS does. */
export function assertMax(what: string, count: number, max: number): void {
  if (count > max) throw awsError('ValidationException', `${what}: ${count} exceeds the maximum of ${max}`);
}
