import { Module, type DynamicModule } from '@nestjs/common';
import { CheckpointsModule } from '../checkpoints/checkpoints.module';
import { DossierController } from './dossier.controller';
import { DossierService } from './dossier.service';

/** The verifiable case file (docs/dossier.md): needs the documents' storage and the checkpoint key. */
@Module({})
export class DossierModule {
  static forRoot(documents: DynamicModule): DynamicModule {
    return {
      module: DossierModule,
      imports: [documents, CheckpointsModule],
      controllers: [DossierController],
      providers: [DossierService],
    };
  }
}
