import { ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { type FieldError, RequestValidationException } from './problem';
import { dutchMessage } from './validation-messages.nl';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 32;
const MAX_MESSAGE = 500;

/** `claims` + `0` → `claims[0]`; `claims[0]` + `description` → `claims[0].description`. */
function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

const clipMessage = (text: string): string => (text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text);

/** One field's problem in English and Dutch, with the code of its first failed check. */
function messageFor(error: ValidationError, field: string): FieldError {
  const constraints = error.constraints ?? {};
  const one = (name: string, english: string): FieldError => ({ field, message: english, ...dutchMessage(name, field, english) });
  if (constraints.whitelistValidation) return one('whitelistValidation', `${field} is not a field of this request; remove it`);
  // A missing required field: the other constraints would only repeat that.
  if (constraints.isDefined) return one('isDefined', constraints.isDefined);
  const entries = Object.entries(constraints);
  const dutch = entries.map(([name, english]) => dutchMessage(name, field, english));
  return {
    field,
    message: clipMessage(entries.map(([, english]) => english).join('; ')),
    code: dutch[0]?.code ?? 'invalid',
    nl: clipMessage(dutch.map((d) => d.nl).join(' ')),
  };
}

/** class-validator's tree → one {field, message} per invalid field, with nested paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = error.property === undefined || error.property === '' ? parent || 'body' : joinPath(parent, error.property);
    if (error.constraints && Object.keys(error.constraints).length > 0) {
      out.push(messageFor(error, field));
    }
    if (error.children && error.children.length > 0) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/** Finds keys that could pollute prototypes, and structures nested beyond reason. Iterative: no stack overflow. */
export function findUnsafeKeys(value: unknown, root: string): FieldError[] {
  const found: FieldError[] = [];
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: root, depth: 0 }];
  while (stack.length > 0 && found.length < 20) {
    const { value: current, path, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > MAX_DEPTH) {
      found.push({ field: path || 'body', message: `is nested more than ${MAX_DEPTH} levels deep` });
      break;
    }
    if (Array.isArray(current)) {
      current.forEach((item, i) => stack.push({ value: item, path: `${path}[${i}]`, depth: depth + 1 }));
      continue;
    }
    for (const key of Object.keys(current)) {
      const childPath = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) {
        found.push({ field: childPath, message: `${key} is not a field of this request; remove it` });
        continue;
      }
      stack.push({ value: (current as Record<string, unknown>)[key], path: childPath, depth: depth + 1 });
    }
  }
  return found;
}

const isDtoClass = (metatype: unknown): boolean =>
  typeof metatype === 'function' && ![String, Boolean, Number, Array, Object].includes(metatype as never);

/**
 * The global pipe: whitelist + forbidNonWhitelisted + transform, errors flattened to {field, message}.
 * Before class-validator runs it insists that a body or query bound to a DTO is a plain object and has
 * no prototype-polluting keys, so arrays, scalars and `__proto__` get a 400 naming the problem.
 */
@Injectable()
export class AppValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      // transform() below already insists on a plain object; left on, this option would refuse the
      // empty bodies of register / appoint-neutrals / accept-escalation, whose DTOs have no fields.
      forbidUnknownValues: false,
      transform: true,
      validationError: { target: false, value: false },
      stopAtFirstError: false,
      exceptionFactory: (errors: ValidationError[]) => new RequestValidationException(flattenValidationErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if ((metadata.type === 'body' || metadata.type === 'query') && isDtoClass(metadata.metatype)) {
      // No body at all (e.g. POST …/register without one) is the empty object.
      if (value === undefined || value === null) value = {};
      if (typeof value !== 'object' || Array.isArray(value)) {
        throw new RequestValidationException(
          [{ field: metadata.type, message: `the ${metadata.type} must be a JSON object` }],
          metadata.type === 'body' ? 'The request body must be a JSON object.' : 'The query is invalid.',
        );
      }
      const unsafe = findUnsafeKeys(value, '');
      if (unsafe.some((e) => e.message.startsWith('is nested'))) throw new RequestValidationException(unsafe);
      if (unsafe.length > 0) {
        // Report them together with whatever else is wrong, validating a copy without them.
        let others: FieldError[] = [];
        try {
          await super.transform(withoutUnsafeKeys(value), metadata);
        } catch (error) {
          if (!(error instanceof RequestValidationException)) throw error;
          others = error.problem.errors ?? [];
        }
        throw new RequestValidationException([...unsafe, ...others]);
      }
    }
    return super.transform(value, metadata);
  }
}

/** A deep copy without prototype-polluting keys, at most MAX_DEPTH deep. */
function withoutUnsafeKeys(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => withoutUnsafeKeys(v, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) continue;
    copy[key] = withoutUnsafeKeys((value as Record<string, unknown>)[key], depth + 1);
  }
  return copy;
}
