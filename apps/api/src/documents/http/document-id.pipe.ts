import { Injectable, type PipeTransform } from '@nestjs/common';
import { ProblemException, problemType } from '../../http/problem';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A document id is a UUID; anything else names no document: 404, as for an unknown one. */
@Injectable()
export class DocumentIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (typeof value !== 'string' || !UUID.test(value)) {
      throw new ProblemException({
        status: 404,
        type: problemType('document_not_found'),
        code: 'document_not_found',
        detail: 'No document with this id on this case that you can see.',
      });
    }
    return value.toLowerCase();
  }
}
