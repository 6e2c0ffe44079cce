import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CONTROLLER_WATERMARK,
  PARAMTYPES_METADATA,
  PROPERTY_DEPS_METADATA,
  SELF_DECLARED_DEPS_METADATA,
} from '@nestjs/common/constants.js';
import { CommandBus, QueryBus } from '@nestjs/cqrs';

/** What a controller may be given: the buses; anything else means it reads or writes around them. */
const BUSES: unknown[] = [CommandBus, QueryBus];

export interface ControllerInjections {
  /** The file, relative to the folder searched. */
  file: string;
  controller: string;
  /** What Nest injects into it that is not a bus, by name (a class's name, a symbol's description, a string token). */
  others: string[];
}

/** The controller files under `dir` (`*.http.ts`, `*.controller.ts`), relative to it, sorted. */
export function controllerFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(http|controller)\.ts$/.test(f))
    .sort();
}

const nameOf = (token: unknown): string => {
  if (typeof token === 'function') return token.name || 'anonymous class';
  if (typeof token === 'symbol') return token.toString();
  return String(token);
};

/** A forwardRef(() => X) stands for X. */
const unwrap = (token: unknown): unknown =>
  typeof token === 'object' && token !== null && 'forwardRef' in token ? (token as { forwardRef: () => unknown }).forwardRef() : token;

/**
 * What Nest's injector gives a class, read as it reads it: the constructor's `design:paramtypes`, each replaced by
 * the token of its @Inject() where there is one, then the properties marked @Inject().
 */
export function injectedInto(type: object): unknown[] {
  const params: unknown[] = [...((Reflect.getMetadata(PARAMTYPES_METADATA, type) as unknown[] | undefined) ?? [])];
  const declared = (Reflect.getMetadata(SELF_DECLARED_DEPS_METADATA, type) as { index: number; param: unknown }[] | undefined) ?? [];
  for (const { index, param } of declared) params[index] = param;
  const properties = (Reflect.getMetadata(PROPERTY_DEPS_METADATA, type) as { type: unknown }[] | undefined) ?? [];
  return [...params, ...properties.map((p) => p.type)].map(unwrap);
}

/** Every controller class (Nest's @Controller() mark) the files export, with what it is given besides the buses. */
export async function controllerInjections(dir: string, files: readonly string[]): Promise<ControllerInjections[]> {
  const found: ControllerInjections[] = [];
  for (const file of files) {
    const exports = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
    for (const value of Object.values(exports)) {
      if (typeof value !== 'function' || Reflect.getMetadata(CONTROLLER_WATERMARK, value) !== true) continue;
      const others = injectedInto(value)
        .filter((token) => !BUSES.includes(token))
        .map(nameOf);
      found.push({ file: relative(dir, join(dir, file)), controller: value.name, others });
    }
  }
  return found;
}
