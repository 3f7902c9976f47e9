import { Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { PageHeading } from '../components/page';

export function AccessibilityPage() {
  return (
    <>
      <PageHeading title="Toegankelijkheidsverklaring" />
      <Paragraph lead>Iedereen moet deze website kunnen gebruiken. Ook als u slecht ziet, niet met een muis werkt of een voorleesprogramma gebruikt.</Paragraph>
      <Heading2>Wat wij doen</Heading2>
      <UnorderedList>
        <UnorderedListItem>Wij bouwen volgens de richtlijnen WCAG 2.2 op niveau AA (de wet vraagt WCAG 2.1 AA, via de norm EN 301 549).</UnorderedListItem>
        <UnorderedListItem>Alles werkt met alleen een toetsenbord.</UnorderedListItem>
        <UnorderedListItem>De website werkt op een smal scherm (320 pixels) en bij 200% vergroting.</UnorderedListItem>
        <UnorderedListItem>Elke pagina wordt bij elke nieuwe versie automatisch getest met axe-core. Er mogen geen fouten zijn.</UnorderedListItem>
        <UnorderedListItem>Wij gebruiken de onderdelen van NL Design System, gemaakt voor de Nederlandse overheid.</UnorderedListItem>
      </UnorderedList>
      <Heading2>Status</Heading2>
      <Paragraph>
        Deze website voldoet gedeeltelijk. Wij hebben de website zelf getest, maar nog niet laten onderzoeken door een onafhankelijke partij.
        Dat onderzoek staat gepland.
      </Paragraph>
      <Heading2>Werkt iets niet?</Heading2>
      <Paragraph>
        Laat het ons weten. Bel het secretariaat op 030 123 45 67 of mail naar toegankelijkheid@geschilleninstantie-zorg.nl. U krijgt binnen 5
        werkdagen antwoord. Wij helpen u ook met uw aanvraag als de website voor u niet werkt.
      </Paragraph>
    </>
  );
}
