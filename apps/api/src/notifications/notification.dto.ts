import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class NotificationListQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50, description: 'Largest number of messages in one answer' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,3}$/, { message: 'limit must be a whole number between 1 and 200' })
  limit?: string;

  @ApiPropertyOptional({ maxLength: 500, description: "The previous answer's nextCursor" })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export class NotificationPreferencesDto {
  @ApiProperty({
    description:
      'false: messages that may be switched off (new documents and statements, filing and information notices, challenges) are no longer e-mailed. Deadlines, reminders, meetings, decisions and closures are always sent.',
  })
  @IsBoolean()
  nonEssentialEmail!: boolean;
}

export class NotificationItemSchema {
  @ApiProperty() id!: string;
  @ApiProperty() disputeId!: string;
  @ApiProperty({ description: 'What happened, e.g. respondent_invited, deadline_reminder, decision_rendered' }) kind!: string;
  @ApiProperty({ description: 'false: the user may switch these e-mails off' }) essential!: boolean;
  @ApiProperty() subject!: string;
  @ApiProperty({ description: 'The message in plain Dutch' }) text!: string;
  @ApiProperty({ description: 'The case page' }) link!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() read!: boolean;
  @ApiProperty({
    enum: ['pending', 'sent', 'skipped', 'expired'],
    description: 'E-mail delivery: skipped = not mailed (no address or switched off), expired = history from before the notifier ran',
  })
  delivery!: string;
}

export class NotificationListSchema {
  @ApiProperty({ type: [NotificationItemSchema], description: 'Newest first' }) items!: NotificationItemSchema[];
  @ApiProperty() unreadCount!: number;
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class NotificationPreferencesSchema {
  @ApiProperty() nonEssentialEmail!: boolean;
  @ApiProperty({ type: [String], description: 'The kinds that nonEssentialEmail switches' }) nonEssentialKinds!: string[];
}
