import { getMetadataStorage } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import * as devToken from '../src/auth/dto/dev-token.dto';
import * as directory from '../src/directory/http/directory.dto';
import * as actions from '../src/disputes/http/dto/action.dto';
import * as filing from '../src/disputes/http/dto/file-dispute.dto';
import * as queries from '../src/disputes/http/dto/query.dto';
import { flattenValidationErrors } from '../src/http/validation';
import { DUTCH_VALIDATION_MESSAGES } from '../src/http/validation-messages.nl';
import * as statistics from '../src/statistics/dto/statistics-query.dto';

// Every check a DTO makes must have a Dutch message: a new rule cannot ship in English only.

const dtoClasses = [devToken, directory, actions, filing, queries, statistics].flatMap((m) =>
  Object.values(m).filter((v): v is new () => object => typeof v === 'function' && /^class /.test(Function.prototype.toString.call(v))),
);

/** The constraint names (as they appear in ValidationError.constraints) used on a class. */
function constraintNames(target: new () => object): string[] {
  const storage = getMetadataStorage();
  return storage.getTargetValidationMetadatas(target, '', true, false).flatMap((m) => {
    if (m.type === 'customValidation' && m.constraintCls) return storage.getTargetValidatorConstraints(m.constraintCls).map((c) => c.name);
    return [m.type === 'nestedValidation' ? 'nestedValidation' : m.type];
  });
}

describe('Dutch validation messages', () => {
  it('cover every class-validator constraint used in the DTOs', () => {
    expect(dtoClasses.length).toBeGreaterThan(20);
    const used = new Set(dtoClasses.flatMap(constraintNames));
    expect(used.size).toBeGreaterThan(8);
    const missing = [...used].filter((name) => !(name in DUTCH_VALIDATION_MESSAGES) && name !== 'conditionalValidation');
    expect(missing).toEqual([]);
  });

  it('name the field and the problem in plain Dutch, with a stable code', async () => {
    const dto = plainToInstance(filing.FileDisputeDto, { contractYear: 'next', claims: [{ description: 'x', amountCents: 1.5 }] });
    const errors = flattenValidationErrors(await validate(dto, { whitelist: true, forbidNonWhitelisted: true }));
    const byField = new Map(errors.map((e) => [e.field, e]));
    expect(byField.get('contractYear')).toEqual(
      expect.objectContaining({ code: expect.any(String), nl: expect.stringMatching(/^Het contractjaar /) }),
    );
    expect(byField.get('claims[0].amountCents')?.nl).toContain('Het bedrag moet een heel aantal centen zijn');
    expect(byField.get('summary')).toEqual(expect.objectContaining({ code: 'required', nl: 'Vul de samenvatting in.' }));
  });
});
