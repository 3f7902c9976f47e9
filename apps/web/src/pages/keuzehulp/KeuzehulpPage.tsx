import { Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { FeeEstimate, RouteEstimate } from '../../api/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ChoiceGroup } from '../../components/fields';
import { PageHeading } from '../../components/page';
import { RouterButtonLink } from '../../components/RouterButtonLink';
import { savePrefill } from '../../lib/draft';
import { formatEuros, parseEuros } from '../../lib/format';
import { TextField } from '../../components/fields';
import { OUT_OF_SCOPE, QUESTIONS, type KeuzehulpAnswers } from './questions';

const STORE = 'gzc.keuzehulp';
const load = (): KeuzehulpAnswers => {
  try {
    return JSON.parse(sessionStorage.getItem(STORE) ?? '{}') as KeuzehulpAnswers;
  } catch {
    return {};
  }
};

export function KeuzehulpPage() {
  const { step } = useParams();
  const [answers, setAnswers] = useState<KeuzehulpAnswers>(load);
  const update = (next: KeuzehulpAnswers) => {
    setAnswers(next);
    sessionStorage.setItem(STORE, JSON.stringify(next));
  };
  if (step === 'buiten-bereik') return <OutOfScope />;
  if (step === 'secretariaat') return <Secretariat />;
  if (step === 'uitkomst') return <Outcome answers={answers} />;
  const index = step ? QUESTIONS.findIndex((q) => q.step === step) : 0;
  if (index < 0) return <OutOfScope />;
  return <QuestionPage key={index} index={index} answers={answers} onAnswer={update} />;
}

function QuestionPage({ index, answers, onAnswer }: { index: number; answers: KeuzehulpAnswers; onAnswer: (a: KeuzehulpAnswers) => void }) {
  const question = QUESTIONS[index]!;
  const navigate = useNavigate();
  const initial = answers[question.field];
  const [value, setValue] = useState<string | string[]>(initial ?? (question.type === 'checkbox' ? [] : ''));
  const [amount, setAmount] = useState(answers.amount ?? '');
  const [errors, setErrors] = useState<{ fieldId: string; message: string }[]>([]);
  const fieldId = `vraag-${question.step}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: { fieldId: string; message: string }[] = [];
    const empty = Array.isArray(value) ? value.length === 0 : value === '';
    if (empty) found.push({ fieldId, message: question.type === 'checkbox' ? 'Kies ten minste één onderwerp.' : 'Kies een antwoord.' });
    if (question.step === 'onderwerp' && amount.trim() !== '' && parseEuros(amount) === null) {
      found.push({ fieldId: 'vraag-bedrag', message: 'Vul het bedrag in euro’s in, bijvoorbeeld 12.500.' });
    }
    setErrors(found);
    if (found.length > 0) return;
    const next = { ...answers, [question.field]: value, ...(question.step === 'onderwerp' ? { amount } : {}) };
    onAnswer(next);
    const exit = question.exit?.(value as string);
    if (exit) return navigate(`/keuzehulp/${exit}`);
    const following = QUESTIONS[index + 1];
    navigate(following ? `/keuzehulp/${following.step}` : '/keuzehulp/uitkomst');
  };
  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <>
      <PageHeading title={question.title} step={{ current: index + 1, total: QUESTIONS.length }} />
      <ErrorSummary errors={errors} />
      <form noValidate onSubmit={submit}>
        <ChoiceGroup
          id={fieldId}
          legend={<span className="gzc-visually-hidden">{question.title}</span>}
          description={question.description}
          error={errorFor(fieldId)}
          type={question.type}
          name={question.field}
          choices={question.choices}
          value={value}
          onChange={setValue}
        />
        {question.step === 'onderwerp' && (
          <TextField
            id="vraag-bedrag"
            label="Om hoeveel geld gaat het ongeveer, in euro’s?"
            description="Een schatting is genoeg."
            optional
            inputMode="decimal"
            width="m"
            value={amount}
            error={errorFor('vraag-bedrag')}
            onChange={(e) => setAmount(e.currentTarget.value)}
          />
        )}
        <div className="gzc-actions">
          <Button type="submit" appearance="primary-action-button">
            Volgende vraag
          </Button>
          {index > 0 && (
            <Link className="utrecht-link" to={`/keuzehulp/${QUESTIONS[index - 1]!.step}`}>
              Vorige vraag
            </Link>
          )}
        </div>
      </form>
    </>
  );
}

const ROUTE_TEXT: Record<string, { title: string; what: string; who: string; duration: string }> = {
  mediation: {
    title: 'Mediation',
    what: 'Een mediator helpt u en de verzekeraar om samen een oplossing te vinden. De mediator beslist niets. Wat in de gesprekken gezegd wordt, blijft vertrouwelijk.',
    who: 'U en de verzekeraar samen.',
    duration: 'Meestal 2 tot 3 maanden.',
  },
  binding_advice: {
    title: 'Bindend advies',
    what: 'Een onafhankelijke adviseur (of drie) hoort u allebei en neemt een beslissing. U spreekt vooraf af dat u zich daaraan houdt.',
    who: 'De bindend adviseur.',
    duration: 'Meestal 4 tot 6 maanden.',
  },
  arbitration: {
    title: 'Arbitrage',
    what: 'Een arbiter (of drie) beslist, zoals een rechter. De uitspraak is bindend en kan worden afgedwongen. Dit is de zwaarste route.',
    who: 'De arbiter.',
    duration: 'Meestal 6 tot 12 maanden.',
  },
};

function RouteCard({ estimate, small }: { estimate: RouteEstimate; small: boolean }) {
  const text = ROUTE_TEXT[estimate.route]!;
  const cost =
    estimate.claimantMinCents === estimate.claimantMaxCents
      ? `U betaalt ${formatEuros(estimate.claimantMinCents, { whole: true })}.`
      : `U betaalt tussen ${formatEuros(estimate.claimantMinCents, { whole: true })} en ${formatEuros(estimate.claimantMaxCents, { whole: true })}. Wie ongelijk krijgt, betaalt meestal de kosten van de ${estimate.route === 'arbitration' ? 'arbiter' : 'adviseur'}.`;
  return (
    <section className="gzc-card" aria-labelledby={`route-${estimate.route}`}>
      <Heading3 id={`route-${estimate.route}`}>{text.title}</Heading3>
      <Paragraph>{text.what}</Paragraph>
      <dl className="gzc-dl">
        <dt>Wie beslist</dt>
        <dd>{text.who}</dd>
        <dt>Hoe lang</dt>
        <dd>{text.duration}</dd>
        <dt>Wat kost het u</dt>
        <dd>
          {cost}
          {small && estimate.reliefCents > 0 && (
            <> Omdat uw praktijk klein is, betaalt de verzekeraar {formatEuros(estimate.reliefCents, { whole: true })} van uw deel.</>
          )}
        </dd>
      </dl>
    </section>
  );
}

function Outcome({ answers }: { answers: KeuzehulpAnswers }) {
  const navigate = useNavigate();
  const small = answers.small === 'true';
  const fees = useQuery({
    queryKey: ['fee-estimate', small],
    queryFn: () => api<FeeEstimate>(`/api/fees/estimate?smallProvider=${small}`, { anonymous: true }),
  });
  const start = () => {
    savePrefill({
      ...(answers.phase ? { phase: answers.phase } : {}),
      ...(answers.law && ['zvw', 'zvw_supplementary', 'wlz'].includes(answers.law) ? { legalFramework: answers.law } : {}),
      ...(answers.subjects ? { subjects: answers.subjects } : {}),
      ...(answers.amount ? { amountInDispute: answers.amount } : {}),
      ...(answers.urgent ? { urgent: answers.urgent } : {}),
      ...(answers.party === 'insurer' || answers.party === 'care_office' ? { respondentKind: answers.party } : {}),
      proposedRoute: 'mediation',
    });
    navigate('/aanvraag');
  };
  return (
    <>
      <PageHeading title="Wij kunnen u helpen">
        <Paragraph lead>
          Uw geschil past bij ons. Er zijn drie routes. Wij raden aan om met mediation te beginnen: dat is de snelste en goedkoopste route.
          Lukt het niet, dan kunt u daarna nog kiezen voor bindend advies of arbitrage.
        </Paragraph>
      </PageHeading>
      <Heading2>De drie routes</Heading2>
      {fees.isPending && <Paragraph>De kosten worden berekend…</Paragraph>}
      {fees.isError && <Paragraph>De kosten konden niet worden berekend. Bel het secretariaat als u ze nu wilt weten: 030 123 45 67.</Paragraph>}
      <div className="gzc-route-list">
        {fees.data?.routes.map((r) => <RouteCard key={r.route} estimate={r} small={small} />)}
      </div>
      {fees.data && (
        <Paragraph>
          Dit is een schatting. De inschrijfkosten zijn {formatEuros(fees.data.routes[0]!.administrationFee.totalCents, { whole: true })}
          {small && fees.data.routes[0]!.administrationFee.respondentCents > 0 && (
            <>; daarvan betaalt de verzekeraar {formatEuros(fees.data.routes[0]!.administrationFee.respondentCents, { whole: true })}</>
          )}
          . De procedure is vrijwillig: de verzekeraar moet ook akkoord gaan met de route.
        </Paragraph>
      )}
      <div className="gzc-actions">
        <Button appearance="primary-action-button" onClick={start}>
          Start uw aanvraag
        </Button>
        <Link className="utrecht-link" to={`/keuzehulp/${QUESTIONS[QUESTIONS.length - 1]!.step}`}>
          Vorige vraag
        </Link>
      </div>
      <Paragraph>Voor een aanvraag logt u in. Uw antwoorden zijn dan al ingevuld.</Paragraph>
    </>
  );
}

function OutOfScope() {
  const [params] = useSearchParams();
  const location = useLocation();
  void location;
  const info = OUT_OF_SCOPE[params.get('reden') ?? ''] ?? OUT_OF_SCOPE['geen-zorgcontract']!;
  return (
    <>
      <PageHeading title={info.title} />
      {info.text.map((t) => (
        <Paragraph key={t}>{t}</Paragraph>
      ))}
      <Paragraph>Twijfelt u? Bel ons secretariaat: 030 123 45 67. Wij denken graag met u mee.</Paragraph>
      <div className="gzc-actions">
        <RouterButtonLink to="/keuzehulp" secondary>
          Opnieuw beginnen
        </RouterButtonLink>
      </div>
    </>
  );
}

function Secretariat() {
  return (
    <>
      <PageHeading title="Neem contact op met het secretariaat" />
      <Paragraph>Staat uw situatie er niet bij? Het secretariaat helpt u graag. Samen kijken we of wij uw geschil kunnen behandelen.</Paragraph>
      <dl className="gzc-dl">
        <dt>Telefoon</dt>
        <dd>030 123 45 67 (werkdagen 9.00 tot 17.00 uur)</dd>
        <dt>E-mail</dt>
        <dd>secretariaat@geschilleninstantie-zorg.nl</dd>
      </dl>
      <div className="gzc-actions">
        <RouterButtonLink to="/keuzehulp" secondary>
          Terug naar de keuzehulp
        </RouterButtonLink>
      </div>
    </>
  );
}
