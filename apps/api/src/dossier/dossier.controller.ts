import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import contentDisposition from 'content-disposition';
import type { Response } from 'express';
import type { Actor } from '../../../../libs/domain/src';
import { CurrentActor } from '../auth/current-actor.decorator';
import { DisputeIdPipe } from '../disputes/http/dispute-id.pipe';
import { ApiCaseProblemResponses, ProblemSchema } from '../http/openapi';
import { DossierService } from './dossier.service';

@ApiTags('integrity')
@ApiBearerAuth()
@Controller('api/disputes')
export class DossierController {
  constructor(private readonly dossiers: DossierService) {}

  @Get(':id/dossier')
  @ApiOperation({
    summary:
      'The case file as a ZIP: dossier.pdf (Dutch), events.jsonl (the events with their chain hashes), the documents, and manifest.json ' +
      '(chain head, every file’s SHA-256, what is withheld from this reader, signed with the checkpoint key). Each reader gets what they may see. ' +
      'Format: docs/dossier.md.',
    operationId: 'download-dossier',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'The dossier (application/zip, attachment)' })
  @ApiForbiddenResponse({
    type: ProblemSchema,
    description: 'A nominated neutral: the conflict-check summary only (dossier_not_available)',
  })
  @ApiCaseProblemResponses()
  async download(
    @Param('id', DisputeIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { fileName, content } = await this.dossiers.open(id, actor);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(content, { type: 'application/zip', disposition: contentDisposition(fileName, { type: 'attachment' }) });
  }
}
