import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class DevTokenRequestDto {
  @ApiProperty({ example: 'prov-anna', maxLength: 100, description: 'A user id of the directory' })
  @IsDefined({ message: 'userId is required' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  userId!: string;
}
