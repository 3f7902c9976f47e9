import { applyDecorators } from '@nestjs/common';
import {
  IsDefined,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { Transform } from 'class-transformer';
import { LEGAL_FRAMEWORKS, OUT_OF_JURISDICTION_FRAMEWORKS, readPersonInstant, type DateOnlyMeans } from '../../../../../../libs/domain/src';

export const MAX_ID = 100;
export const MAX_TEXT = 20_000;
export const MAX_SUMMARY = 10_000;
export const MAX_SHORT_TEXT = 1_000;

export const OUT_OF_JURISDICTION_MESSAGE =
  'legalFramework: disputes under the Wmo or the Jeugdwet are outside the jurisdiction of the ' +
  'Onafhankelijke Geschilleninstantie Zorgcontractering. They are municipal: take the dispute to the ' +
  "municipality's complaints or disputes procedure (klachten- of geschillenregeling van de gemeente), or to the civil court.";

const isOutOfJurisdiction = (value: unknown): boolean =>
  typeof value === 'string' && (OUT_OF_JURISDICTION_FRAMEWORKS as readonly string[]).includes(value.trim().toLowerCase());

/**
 * One of LEGAL_FRAMEWORKS. Wmo and Jeugdwet get a message that says they are outside jurisdiction
 * and where to go instead; anything else the usual "must be one of".
 */
export function IsLegalFramework(options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isLegalFramework',
      target: object.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => (LEGAL_FRAMEWORKS as readonly unknown[]).includes(value),
        defaultMessage: (args?: ValidationArguments) =>
          isOutOfJurisdiction(args?.value)
            ? OUT_OF_JURISDICTION_MESSAGE
            : `${args?.property ?? 'legalFramework'} must be one of: ${LEGAL_FRAMEWORKS.join(', ')}`,
      },
    });
  };
}

/** A required property: "x is required" when absent or null, instead of every other constraint. */
export const Required = (): PropertyDecorator => IsDefined({ message: '$property is required' });

/** A required non-empty string of at most `max` characters. */
export const RequiredText = (max: number): PropertyDecorator => applyDecorators(Required(), IsString(), IsNotEmpty(), MaxLength(max));

/** An optional string of at most `max` characters. */
export const OptionalText = (max: number): PropertyDecorator => applyDecorators(IsOptional(), IsString(), MaxLength(max));

/** An id: non-empty string, at most 100 characters. */
export const RequiredId = (): PropertyDecorator => RequiredText(MAX_ID);

/** Euro cents: an integer from 0 to Number.MAX_SAFE_INTEGER. */
export const Cents = (): PropertyDecorator =>
  applyDecorators(IsInt({ message: '$property must be a whole number of euro cents' }), Min(0), Max(Number.MAX_SAFE_INTEGER));

/** An ISO 8601 date or date-time, strictly valid (no 31 February). */
export const IsoDate = (): PropertyDecorator =>
  applyDecorators(
    IsString(),
    MaxLength(40),
    IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 date-time, e.g. 2026-03-01T09:00:00Z' }),
  );

/**
 * Rule 21: a date or date-time a person gives, read in Amsterdam and stored as a UTC instant. A
 * value with an offset is kept as that instant; one without is Amsterdam wall-clock time; a plain
 * date is the start of that day (a session) or its end (a deadline). What cannot be read is left
 * as it is, for IsoDate to refuse with a message naming the field.
 */
export const AmsterdamInstant = (dateOnly: DateOnlyMeans): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? (readPersonInstant(value, dateOnly)?.toISOString() ?? value) : value)),
    IsoDate(),
  );
