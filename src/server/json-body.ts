import express from 'express';
import { AppError } from '../domain/errors.js';
import { plainTextProblem } from '../domain/plain-text.js';
import { serverTexts } from '../i18n/messages.js';

export interface JsonBodyOptions {
  limit?: string;
  /**
   * `plainText` (the default) for everything a person types through the API;
   * `controlCharactersOnly` where text is kept exactly as typed for later
   * (drafts, so nothing is lost) or comes from Teams (chat text may hold
   * Teams' own markup, such as mentions).
   */
  rule?: 'plainText' | 'controlCharactersOnly';
}

const fieldLabels = serverTexts.da.fields as Record<string, string>;

/**
 * express.json followed by the app's one plain-text rule over every string
 * and key in the body, before any route sees it. A refusal names the field a
 * person knows ("decisions" for content.decisions.0.text).
 */
export function jsonBody(options: JsonBodyOptions = {}): ReturnType<typeof express.json> {
  const rule = options.rule ?? 'plainText';
  const parse = express.json({ limit: options.limit ?? '100kb' });
  return (req, res, next) =>
    parse(req, res, (error?: unknown) => {
      if (error) return next(error);
      const found = firstProblem((req as { body?: unknown }).body, rule);
      if (!found) return next();
      const field = found.path.find((p) => p in fieldLabels) ?? found.path.find((p) => !/^\d+$/.test(p)) ?? 'body';
      next(new AppError(found.problem === 'controlCharacters' ? 'CONTROL_CHARACTERS' : 'UNSAFE_CONTENT', { field }));
    });
}

interface Node {
  value: unknown;
  key: string | null;
  parent: Node | null;
}

const pathOf = (node: Node | null): string[] => {
  const path: string[] = [];
  for (let n = node; n && n.key !== null; n = n.parent) path.unshift(n.key);
  return path;
};

/** Walks the parsed body without recursion and without copying paths (a body may nest hundreds of thousands deep). */
function firstProblem(body: unknown, rule: NonNullable<JsonBodyOptions['rule']>) {
  const stack: Node[] = [{ value: body, key: null, parent: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node.value === 'string') {
      const problem = plainTextProblem(node.value, rule);
      if (problem) return { problem, path: pathOf(node) };
    } else if (node.value !== null && typeof node.value === 'object') {
      for (const [key, value] of Object.entries(node.value)) {
        const problem = plainTextProblem(key, 'controlCharactersOnly');
        if (problem) return { problem, path: pathOf(node) };
        stack.push({ value, key, parent: node });
      }
    }
  }
  return null;
}
