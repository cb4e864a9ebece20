import type { z } from 'zod';

type AnySchema = z.core.$ZodType;

/**
 * The keys the object schema at `path` accepts, found by walking the schema through wrappers
 * (optional, default, arrays, records). Used to tell users what they could have meant.
 */
export function allowedKeysAt(schema: AnySchema, path: readonly PropertyKey[]): string[] | undefined {
  let current: AnySchema | undefined = unwrap(schema);
  for (const key of path) {
    if (!current) return undefined;
    const def = current._zod.def as any;
    if (def.type === 'object') current = def.shape[key as string];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else return undefined;
    current = current ? unwrap(current) : undefined;
  }
  const def = current?._zod.def as any;
  return def?.type === 'object' ? Object.keys(def.shape) : undefined;
}

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = current._zod.def as any;
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe') current = def.in;
    else return current;
  }
}
