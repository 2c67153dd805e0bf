import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { OAuthController } from './oauth.controller';

@Module({ imports: [AuthModule], controllers: [OAuthController] })
export class OAuthModule {}
