import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'gzc:isPublic';
/** The route needs no bearer token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
