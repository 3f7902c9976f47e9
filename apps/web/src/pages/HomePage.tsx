import { Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { Link } from 'react-router';
import { useSession } from '../auth/session';
import { PageHeading } from '../components/page';
import { RouterButtonLink } from '../components/RouterButtonLink';

export function HomePage() {
  const session = useSession();
  return (
    <>
      <PageHeading title="Een geschil over uw zorgcontract?">
        <Paragraph lead>
          Bent u het niet eens met een zorgverzekeraar of zorgkantoor over uw contract? Wij helpen u om er samen uit te komen, zonder rechter
          en zonder advocaat.
        </Paragraph>
      </PageHeading>
      <div className="gzc-card gzc-card--highlight">
        <Heading2>Weet u nog niet of wij u kunnen helpen?</Heading2>
        <Paragraph>Beantwoord een paar korte vragen. U ziet dan welke route bij u past en wat die u kost. U hoeft niet in te loggen.</Paragraph>
        <RouterButtonLink to="/keuzehulp">Start de keuzehulp</RouterButtonLink>
      </div>
      <Heading2>Dit heeft u nodig voor een aanvraag</Heading2>
      <UnorderedList>
        <UnorderedListItem>uw AGB-code en KvK-nummer (wij vullen ze in als u inlogt)</UnorderedListItem>
        <UnorderedListItem>de naam van de zorgverzekeraar of het zorgkantoor</UnorderedListItem>
        <UnorderedListItem>het contractjaar waar het om gaat</UnorderedListItem>
        <UnorderedListItem>wat u vraagt, en om welke bedragen het gaat</UnorderedListItem>
        <UnorderedListItem>documenten die uw verhaal ondersteunen, zoals het contract of e-mails (mag ook later)</UnorderedListItem>
      </UnorderedList>
      <Paragraph>U kunt tussendoor stoppen: uw aanvraag wordt op deze computer bewaard tot u hem verstuurt.</Paragraph>
      <div className="gzc-actions">
        {session.me ? (
          <>
            <Link className="utrecht-link" to="/aanvraag">
              Verder met een aanvraag
            </Link>
            <Link className="utrecht-link" to="/zaken">
              Naar mijn zaken
            </Link>
          </>
        ) : (
          <Link className="utrecht-link" to="/inloggen">
            Inloggen
          </Link>
        )}
      </div>
    </>
  );
}

