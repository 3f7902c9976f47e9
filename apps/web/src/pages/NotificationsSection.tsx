import { Button, Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../api/client';
import { ChoiceGroup } from '../components/fields';
import { useAnnounce } from '../components/page';
import { formatDateTime } from '../lib/format';

// "Meldingen": the caller's messages from the notification outbox (GET /api/notifications), the
// unread count, marking as read, and the e-mail preference (non-essential messages may be switched
// off; deadlines, meetings and decisions always come).

interface NotificationItem {
  id: string;
  disputeId: string;
  kind: string;
  essential: boolean;
  subject: string;
  text: string;
  createdAt: string;
  read: boolean;
}

interface NotificationPage {
  items: NotificationItem[];
  unreadCount: number;
  nextCursor: string | null;
}

interface Preferences {
  nonEssentialEmail: boolean;
}

const LIST_KEY = ['notifications'];
const PREFERENCES_KEY = ['notification-preferences'];

const unreadText = (n: number): string =>
  n === 0 ? 'U heeft geen ongelezen meldingen.' : `U heeft ${n} ongelezen ${n === 1 ? 'melding' : 'meldingen'}.`;

/** The message's paragraphs without the link line: the item links to the case itself. */
const paragraphsOf = (text: string): string[] =>
  text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== '' && !p.startsWith('Bekijk de zaak:'));

export function NotificationsSection({ asSection }: { asSection: boolean }) {
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const list = useInfiniteQuery({
    queryKey: LIST_KEY,
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      api<NotificationPage>(`/api/notifications?limit=20${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: LIST_KEY });
  const markRead = useMutation({
    mutationFn: (id: string) => api(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
    onSuccess: refresh,
  });
  const markAll = useMutation({
    mutationFn: () => api('/api/notifications/read-all', { method: 'POST' }),
    onSuccess: async () => {
      await refresh();
      announce('Alle meldingen zijn gelezen.');
    },
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = list.data?.pages[0]?.unreadCount ?? 0;
  // Under the insurer's cases it is a section of its own; on its own page the page's h1 names it.
  const Wrapper = asSection ? 'section' : 'div';
  return (
    <Wrapper aria-labelledby={asSection ? 'meldingen-titel' : undefined}>
      {asSection && <Heading2 id="meldingen-titel">Meldingen</Heading2>}
      {list.isPending && <Paragraph>De meldingen worden geladen…</Paragraph>}
      {list.isError && <Paragraph>De meldingen konden niet worden geladen. Probeer het later opnieuw.</Paragraph>}
      {list.isSuccess && (
        <>
          <Paragraph data-testid="unread-count">{unreadText(unread)}</Paragraph>
          {unread > 0 && (
            <Button appearance="secondary-action-button" onClick={() => markAll.mutate()} disabled={markAll.isPending}>
              Markeer alles als gelezen
            </Button>
          )}
          {items.length === 0 && <Paragraph>U heeft nog geen meldingen.</Paragraph>}
          <UnorderedList className="gzc-notifications">
            {items.map((item) => (
              <UnorderedListItem key={item.id}>
                <Paragraph>
                  <strong>
                    {!item.read && <>Nieuw: </>}
                    {item.subject}
                  </strong>
                  <br />
                  {formatDateTime(item.createdAt)}
                </Paragraph>
                <details>
                  <summary>
                    Lees het bericht<span className="gzc-visually-hidden">: {item.subject}</span>
                  </summary>
                  {paragraphsOf(item.text).map((p, i) => (
                    <Paragraph key={i}>{p}</Paragraph>
                  ))}
                </details>
                <Paragraph>
                  <Link
                    className="utrecht-link"
                    to={`/zaken/${encodeURIComponent(item.disputeId)}`}
                    onClick={() => !item.read && markRead.mutate(item.id)}
                  >
                    Naar de zaak<span className="gzc-visually-hidden"> van: {item.subject}</span>
                  </Link>
                  {!item.read && (
                    <>
                      {' '}
                      <Button appearance="subtle-button" onClick={() => markRead.mutate(item.id)}>
                        Markeer als gelezen<span className="gzc-visually-hidden">: {item.subject}</span>
                      </Button>
                    </>
                  )}
                </Paragraph>
              </UnorderedListItem>
            ))}
          </UnorderedList>
          {list.hasNextPage && (
            <Button appearance="secondary-action-button" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              Meer meldingen laden
            </Button>
          )}
        </>
      )}
      <EmailPreference />
    </Wrapper>
  );
}

/** Per user: all messages by e-mail, or only those that cannot be switched off. */
function EmailPreference() {
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const current = useQuery({ queryKey: PREFERENCES_KEY, queryFn: () => api<Preferences>('/api/notifications/preferences') });
  const [choice, setChoice] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: (nonEssentialEmail: boolean) =>
      api<Preferences>('/api/notifications/preferences', { method: 'PUT', body: { nonEssentialEmail } }),
    onSuccess: (saved) => {
      queryClient.setQueryData(PREFERENCES_KEY, saved);
      setError(undefined);
      announce('Uw keuze is opgeslagen.');
    },
    onError: (e) => setError(e instanceof ApiError ? e.detail : 'Opslaan lukte niet. Probeer het opnieuw.'),
  });
  if (!current.isSuccess) return null;
  const value = choice ?? (current.data.nonEssentialEmail ? 'all' : 'essential');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(value === 'all');
  };
  return (
    <form onSubmit={submit} noValidate>
      <ChoiceGroup
        id="email-meldingen"
        legend="Welke meldingen wilt u ook per e-mail krijgen?"
        description="Berichten over termijnen, herinneringen, zittingen, beslissingen, facturen en het sluiten van een zaak krijgt u altijd per e-mail. Die kunt u niet uitzetten."
        error={error}
        type="radio"
        name="email-meldingen"
        choices={[
          { value: 'all', label: 'Alle meldingen' },
          {
            value: 'essential',
            label: 'Alleen de meldingen die u niet mag missen',
            hint: 'Geen e-mail meer over nieuwe aanvragen, nieuwe stukken en documenten, gestuurde informatie en bezwaren. U ziet ze nog wel hier.',
          },
        ]}
        value={value}
        onChange={(v) => setChoice(String(v))}
      />
      <Button type="submit" appearance="primary-action-button" disabled={save.isPending}>
        Keuze opslaan
      </Button>
    </form>
  );
}
