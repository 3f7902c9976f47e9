import { readFileSync } from 'node:fs';
import { NOTICE_KINDS } from '../../libs/notifications/src/notice';
import { NOTIFICATIONS_DOC, renderNotificationExamples, withNotificationExamples } from '../../tools/docs/notification-examples';

// docs/notifications.md shows one rendered example of every message, written by the real decider and
// renderer: a change of wording, a new kind or a new recipient fails here until
// `npm run docs:notifications` has written it into the document.
describe('docs/notifications.md: every message, rendered', () => {
  const document = readFileSync(NOTIFICATIONS_DOC, 'utf8');

  it('is what the renderer writes now (run `npm run docs:notifications` after changing a message)', () => {
    expect(document).toBe(withNotificationExamples(document, renderNotificationExamples()));
  });

  it('has an example and a row in the table of who receives what for every message kind', () => {
    for (const kind of NOTICE_KINDS) {
      expect(document).toContain(`### \`${kind}\``);
      expect(document).toMatch(new RegExp(`^\\|[^\\n]*\`${kind}\``, 'm'));
    }
  });
});
