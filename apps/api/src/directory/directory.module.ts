import { Global, Module } from '@nestjs/common';
import { DIRECTORY } from '../../../../libs/runtime/src/tokens';
import { DirectoryCommands } from './directory-commands';
import { DirectoryController } from './directory.controller';
import { DirectoryService } from '../../../../libs/directory/src/directory.service';
import { DirectoryAdminController } from './http/directory-admin.controller';

/**
 * The directory as events: DirectoryService (also as the DIRECTORY token, the domain's
 * DirectoryView) for every module; the secretariat's routes under /api/directory.
 */
@Global()
@Module({
  controllers: [DirectoryController, DirectoryAdminController],
  providers: [DirectoryService, DirectoryCommands, { provide: DIRECTORY, useExisting: DirectoryService }],
  exports: [DirectoryService, DIRECTORY],
})
export class DirectoryModule {}
