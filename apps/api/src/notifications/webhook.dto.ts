import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class RegisterWebhookDto {
  @ApiProperty({
    example: 'org-zv-noord',
    description: 'The organisation whose events the endpoint receives (a provider, insurer, care office or association)',
  })
  @IsString()
  @MaxLength(100)
  organisationId!: string;

  @ApiProperty({ example: 'https://contractering.zv-noord.example/hooks/gzc', description: 'HTTPS address that receives the signed POSTs' })
  @IsString()
  @MaxLength(2000)
  url!: string;
}

export class WebhookEndpointSchema {
  @ApiProperty() id!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty() url!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class RegisteredWebhookSchema extends WebhookEndpointSchema {
  @ApiProperty({ description: 'The Standard Webhooks signing secret (whsec_…): shown once, here' }) secret!: string;
}

export class WebhookDeliverySchema {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'What happened, e.g. respondent_invited' }) kind!: string;
  @ApiProperty() disputeId!: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'cancelled'] }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: Number }) lastStatusCode!: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) nextAttemptAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) deliveredAt!: string | null;
}
