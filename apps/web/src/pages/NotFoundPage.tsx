import { Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { Link } from 'react-router';
import { PageHeading } from '../components/page';

export function NotFoundPage() {
  return (
    <>
      <PageHeading title="Deze pagina bestaat niet" />
      <Paragraph>Misschien is het adres verkeerd getypt, of is de pagina verplaatst.</Paragraph>
      <UnorderedList>
        <UnorderedListItem>
          <Link className="utrecht-link" to="/">
            Naar de startpagina
          </Link>
        </UnorderedListItem>
        <UnorderedListItem>
          <Link className="utrecht-link" to="/zaken">
            Naar mijn zaken
          </Link>
        </UnorderedListItem>
      </UnorderedList>
      <Paragraph>Komt u er niet uit? Bel het secretariaat: 030 123 45 67.</Paragraph>
    </>
  );
}
