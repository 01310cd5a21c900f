import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
}

/** Every string schema inside a schema, with the path a caller would fill. */
export function stringLeaves(schema: z.ZodType, path = ''): { path: string; schema: z.ZodType }[] {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  const into = (s: z.ZodType | null | undefined, p = path) => (s ? stringLeaves(s, p) : []);
  switch (def.type) {
    case 'string':
      return [{ path, schema }];
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([k, v]) => into(v, path ? `${path}.${k}` : k));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return into(def.innerType);
    case 'array':
      return into(def.element, `${path}[]`);
    case 'pipe':
      return [...into(def.in), ...into(def.out)];
    case 'union':
      return (def.options ?? []).flatMap((o) => into(o));
    case 'intersection':
      return [...into(def.left), ...into(def.right)];
    case 'tuple':
      return [...(def.items ?? []).flatMap((s, i) => into(s, `${path}[${i}]`)), ...into(def.rest)];
    case 'record':
      return into(def.valueType, `${path}{}`);
    case 'lazy':
      return into(def.getter?.());
    default:
      return [];
  }
}
