// The Dutch (B1) words of problems that do not carry their own: titles per status, and details
// per stable code, written for a person who has never seen a dispute.

export const TITLES_NL: Record<number, string> = {
  400: 'Er klopt iets niet in uw verzoek',
  401: 'U bent niet ingelogd',
  403: 'Dit mag u niet doen',
  404: 'Niet gevonden',
  405: 'Deze handeling bestaat hier niet',
  409: 'Dit kan nu niet',
  413: 'Te groot',
  415: 'Dit soort bestand of inhoud nemen we niet aan',
  422: 'Dit verzoek kunnen we niet verwerken',
  429: 'Te veel verzoeken',
  500: 'Er ging bij ons iets mis',
  503: 'Tijdelijk niet beschikbaar',
};

/** A code for every problem, also when the thrower gave none. */
export const CODE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request',
  401: 'not_authenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
  500: 'internal_error',
  503: 'unavailable',
};

export const DETAILS_NL: Record<string, string> = {
  not_authenticated: 'Log eerst in. Uw programma moet een geldige sleutel meesturen (Authorization: Bearer ...).',
  not_found: 'Wat u zoekt, bestaat niet of u mag het niet zien.',
  case_not_found: 'Deze zaak bestaat niet of u mag hem niet zien.',
  document_not_found: 'Dit document bestaat niet of u mag het niet zien.',
  method_not_allowed: 'Deze handeling bestaat niet op dit adres.',
  too_large: 'Wat u stuurt is te groot.',
  body_too_large: 'Wat u stuurt is te groot. We nemen ten hoogste 1 MB aan gegevens aan.',
  document_too_large: 'Het document is te groot om op te slaan.',
  unsupported_media_type: 'Stuur de gegevens als JSON in UTF-8 (Content-Type: application/json).',
  document_type_not_accepted: 'Dit soort bestand nemen we niet aan. Stuur bijvoorbeeld een PDF.',
  document_type_mismatch: 'Het bestand is iets anders dan de naam of het type zegt.',
  malformed_body: 'Wat u stuurt is geen geldige JSON, of geen JSON-object.',
  rate_limited: 'U stuurt te veel verzoeken kort na elkaar. Wacht even en probeer het dan opnieuw.',
  store_unavailable: 'De zaken zijn even niet bereikbaar. Probeer het over een paar seconden opnieuw.',
  unavailable: 'Deze dienst is even niet bereikbaar. Probeer het later opnieuw.',
  identity_provider_unavailable: 'Inloggen lukt even niet, omdat de inlogdienst niet bereikbaar is. Probeer het later opnieuw.',
  unhealthy: 'De dienst werkt nu niet goed.',
  version_conflict: 'De zaak is intussen veranderd. Laad de zaak opnieuw en probeer het nog eens.',
  request_in_progress: 'Hetzelfde verzoek wordt nog verwerkt. Wacht een seconde en probeer het opnieuw.',
  idempotency_key_reused: 'Deze Idempotency-Key is al gebruikt voor een ander verzoek. Kies een nieuwe sleutel.',
  document_integrity_failed: 'Het document is beschadigd opgeslagen. Neem contact op met het secretariaat.',
  role_not_allowed: 'Met uw rol mag u dit niet bekijken.',
  dossier_not_available: 'U bent voorgedragen, nog niet benoemd. U krijgt het dossier als u bent benoemd.',
  forbidden: 'Dit mag u niet doen.',
  internal_error: 'Er ging bij ons iets mis. We hebben het vastgelegd; probeer het later opnieuw.',
  invalid_request: 'Er klopt iets niet in uw verzoek.',
  conflict: 'Dit kan nu niet.',
};
