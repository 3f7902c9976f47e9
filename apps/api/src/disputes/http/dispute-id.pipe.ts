import { Injectable, NotFoundException, type PipeTransform } from '@nestjs/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A dispute id is a UUID; anything else names no case the caller can see: 404. */
@Injectable()
export class DisputeIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (typeof value !== 'string' || !UUID.test(value)) {
      throw new NotFoundException('No dispute with this id that you can see.');
    }
    return value.toLowerCase();
  }
}
