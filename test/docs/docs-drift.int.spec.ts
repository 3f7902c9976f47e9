import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiDocument } from '../../tools/docs/openapi-document';
import { renderApiDoc } from '../../tools/docs/render-api';
import { renderSettingsTable } from '../../tools/docs/render-settings';
import { withSettings } from '../../tools/generate-docs';

// The generated parts of docs/ must match the code: a new route, action or setting fails here until
// `npm run docs` has written it into the docs.
const docs = (name: string): string => readFileSync(join(__dirname, '..', '..', 'docs', name), 'utf8');

describe('docs/ generated from the code', () => {
  it('docs/api.md is the OpenAPI document the API serves (run `npm run docs` after changing a route)', async () => {
    expect(docs('api.md')).toBe(renderApiDoc(await openApiDocument()));
  });

  it('the settings in docs/operations.md are the configuration schema (run `npm run docs` after changing a setting)', () => {
    const operations = docs('operations.md');
    expect(operations).toBe(withSettings(operations, renderSettingsTable()));
  });

  it('every dispute action of the table has its section in docs/api.md', async () => {
    const { JSON_ACTIONS } = await import('../../apps/api/src/disputes/action-table');
    for (const action of JSON_ACTIONS) expect(docs('api.md')).toContain(`### \`POST /api/disputes/{id}/${action}\``);
  });
});
