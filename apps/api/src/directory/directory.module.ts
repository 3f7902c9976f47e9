import { Global, Module } from '@nestjs/common';
import { DIRECTORY } from '../common/tokens';
import { DirectoryController } from './directory.controller';
import { DirectoryService } from './directory.service';

/** DirectoryService, also as the DIRECTORY token (the domain's DirectoryView), for every module. */
@Global()
@Module({
  controllers: [DirectoryController],
  providers: [DirectoryService, { provide: DIRECTORY, useExisting: DirectoryService }],
  exports: [DirectoryService, DIRECTORY],
})
export class DirectoryModule {}
