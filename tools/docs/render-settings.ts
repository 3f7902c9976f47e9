import { z } from 'zod';
import { settingsSchema } from '../../libs/runtime/src/config/settings';

type JsonSchema = { default?: unknown; description?: string; enum?: unknown[]; minimum?: number; maximum?: number; format?: string };

/** The settings table of docs/operations.md, from the schema loadConfig parses the environment with. */
export function renderSettingsTable(): string {
  const schema = settingsSchema('.');
  const input = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }).properties as Record<string, JsonSchema>;
  const output = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }).properties as Record<string, JsonSchema>;
  const rows = Object.keys(schema.shape).map((name) => {
    const given = input[name] ?? {};
    const used = output[name] ?? {};
    const fallback = used.default ?? given.default;
    const values = used.enum ?? given.enum;
    const allowed = values
      ? values.join(', ')
      : used.minimum !== undefined && used.maximum !== undefined
        ? `${used.minimum} to ${used.maximum}`
        : given.format === 'uri'
          ? 'URL'
          : 'text';
    const shown = fallback === undefined || fallback === '' ? '(unset)' : `\`${String(fallback)}\``;
    return `| \`${name}\` | ${shown} | ${allowed} | ${(used.description ?? given.description ?? '').replace(/\|/g, '\\|')} |`;
  });
  return ['| Variable | Default | Allowed | What it does |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
