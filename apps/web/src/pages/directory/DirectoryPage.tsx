import {
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { DirectoryOrganisation, DirectoryUser } from '../../api/secretariat-types';
import { PageHeading } from '../../components/page';
import { TableWrap } from '../../components/TableWrap';
import { CODE_TEXT } from '../../lib/directory-checks';
import { ORGANISATION_KIND_LABELS, ROLE_LABELS, label } from '../../lib/labels';

export const useDirectoryOrganisations = () =>
  useQuery({ queryKey: ['directory', 'organisations'], queryFn: () => api<DirectoryOrganisation[]>('/api/directory/organisations') });
export const useDirectoryUsers = () =>
  useQuery({ queryKey: ['directory', 'users'], queryFn: () => api<DirectoryUser[]>('/api/directory/users') });

/** One code a line, each kept whole ("KvK-nummer 61234567" does not break inside). */
const codesOf = (o: DirectoryOrganisation) => {
  const codes = (['agb', 'kvk', 'uzovi'] as const).filter((c) => o.codes[c]);
  if (codes.length === 0) return 'Geen';
  return codes.map((c) => (
    <span key={c} className="gzc-code">
      {CODE_TEXT[c].label} {o.codes[c]}
    </span>
  ));
};

/** The secretariat's register of organisations and users, each with a link to change it. */
export function DirectoryPage() {
  const organisations = useDirectoryOrganisations();
  const users = useDirectoryUsers();
  const orgName = (id: string) => organisations.data?.find((o) => o.id === id)?.name ?? id;
  return (
    <>
      <PageHeading title="Register" />
      <Paragraph lead>
        De organisaties en gebruikers die de geschilleninstantie kent. Het secretariaat houdt dit bij: codes, kleine zorgaanbieders en de
        leden van brancheorganisaties.
      </Paragraph>
      <ListSection id="organisaties" title="Organisaties" plural="organisaties" query={organisations}>
        <Table>
          <TableCaption className="gzc-visually-hidden">Organisaties</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Naam</TableHeaderCell>
              <TableHeaderCell scope="col">Soort</TableHeaderCell>
              <TableHeaderCell scope="col">Codes</TableHeaderCell>
              <TableHeaderCell scope="col">Bijzonderheden</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {(organisations.data ?? []).map((o) => (
              <TableRow key={o.id}>
                <TableHeaderCell scope="row">
                  <Link className="utrecht-link" to={`/register/organisaties/${encodeURIComponent(o.id)}`}>
                    {o.name}
                  </Link>
                </TableHeaderCell>
                <TableCell>{label(ORGANISATION_KIND_LABELS, o.kind)}</TableCell>
                <TableCell>{codesOf(o)}</TableCell>
                <TableCell>
                  {o.kind === 'provider' && (o.smallProvider ? 'Kleine zorgaanbieder' : 'Geen kleine zorgaanbieder')}
                  {o.members && `${o.members.length === 1 ? '1 lid' : `${o.members.length} leden`}: ${o.members.map(orgName).join(', ')}`}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ListSection>
      <ListSection id="gebruikers" title="Gebruikers" plural="gebruikers" query={users}>
        <Table>
          <TableCaption className="gzc-visually-hidden">Gebruikers</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Naam</TableHeaderCell>
              <TableHeaderCell scope="col">Rol</TableHeaderCell>
              <TableHeaderCell scope="col">Organisatie</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {(users.data ?? []).map((u) => (
              <TableRow key={u.id}>
                <TableHeaderCell scope="row">
                  <Link className="utrecht-link" to={`/register/gebruikers/${encodeURIComponent(u.id)}`}>
                    {u.name}
                  </Link>
                </TableHeaderCell>
                <TableCell>{label(ROLE_LABELS, u.role)}</TableCell>
                <TableCell>{orgName(u.organisationId)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ListSection>
    </>
  );
}

/** A section of the register: its heading, then "loading", a failure, or the table. */
function ListSection({
  id,
  title,
  plural,
  query,
  children,
}: {
  id: string;
  title: string;
  plural: string;
  query: { isPending: boolean; isError: boolean };
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <Heading2 id={id}>{title}</Heading2>
      {query.isPending ? (
        <Paragraph>De {plural} worden geladen…</Paragraph>
      ) : query.isError ? (
        <Paragraph>De {plural} konden niet worden geladen. Vernieuw de pagina.</Paragraph>
      ) : (
        <TableWrap label={title}>{children}</TableWrap>
      )}
    </section>
  );
}
