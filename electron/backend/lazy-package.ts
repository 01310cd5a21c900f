import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

/**
 * A package loaded on its first use rather than when the backend starts: the browser host's
 * start-up (and so the operator's first screen) does not pay for parsers and document
 * builders that only an import or an export needs. The package must be requirable
 * (CommonJS or dual); the type comes from `typeof import('name')`.
 */
export function lazyPackage<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireHere(name) as T);
}
