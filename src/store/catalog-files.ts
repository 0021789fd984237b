import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseTemplate, type Template } from '../domain/template.js';
import { organisationSchema, type Organisation } from '../domain/organisation.js';

/** Reads every template file once at start-up; a broken file stops the start with its name. */
export async function loadTemplates(dir: string): Promise<Template[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const templates: Template[] = [];
  for (const file of files) {
    try {
      templates.push(parseTemplate(JSON.parse(await readFile(join(dir, file), 'utf8'))));
    } catch (error) {
      throw new Error(`Template ${file} is invalid: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return templates;
}

export async function loadOrganisation(path: string): Promise<Organisation> {
  const parsed = organisationSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) throw new Error(`Organisation file ${path} is invalid: ${parsed.error.message}`);
  return parsed.data;
}
