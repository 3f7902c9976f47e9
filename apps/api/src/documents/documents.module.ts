import { Module, type DynamicModule } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG } from '../../../../libs/runtime/src/tokens';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { IdempotencyInterceptor } from '../http/idempotency.interceptor';
import { ReadDocumentsService } from './application/read-documents.service';
import { UploadDocumentService } from './application/upload-document.service';
import { DOCUMENT_STORAGE } from './documents.tokens';
import { DocumentsController } from './http/documents.controller';
import { FileSystemDocumentStorage } from './storage/file-system-document-storage';

/** Documents of a case: upload, list, download. Bytes in DATA_DIR/documents, addressed by SHA-256. */
@Module({})
export class DocumentsModule {
  static forRoot(disputes: DynamicModule): DynamicModule {
    return {
      module: DocumentsModule,
      imports: [disputes],
      controllers: [DocumentsController],
      providers: [
        {
          provide: DOCUMENT_STORAGE,
          inject: [APP_CONFIG],
          useFactory: async (config: AppConfig) => {
            const storage = new FileSystemDocumentStorage(join(config.dataDir, 'documents'));
            await storage.init();
            return storage;
          },
        },
        UploadDocumentService,
        ReadDocumentsService,
        IdempotencyInterceptor,
      ],
      // The dossier reads the stored documents too.
      exports: [DOCUMENT_STORAGE],
    };
  }
}
