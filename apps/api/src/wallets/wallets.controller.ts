import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { Auth, CurrentPrincipal, Principal } from '@app/auth';
import { ErrorEnvelopeDto } from '@app/common';
import { LedgerService, walletView, WalletsService } from '@app/ledger';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { BalanceListDto } from '../balances/dto/balance.dto';
import { CreateWalletDto } from './dto/create-wallet.dto';
import { ListWalletsQueryDto } from './dto/list-wallets-query.dto';
import { UpdateWalletDto } from './dto/update-wallet.dto';
import { WalletDto, WalletListDto } from './dto/wallet.dto';

@ApiTags('wallets')
@ApiBadRequestResponse({ type: ErrorEnvelopeDto, description: '`invalid_request`: validation failed; `details` names each field.' })
@Controller('api/v1/wallets')
export class WalletsController {
  constructor(
    private readonly wallets: WalletsService,
    private readonly ledger: LedgerService,
  ) {}

  /** Lists the organization's wallets, newest first. */
  @Get()
  @Auth('treasury:read')
  @ApiOkResponse({ type: WalletListDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListWalletsQueryDto): Promise<WalletListDto> {
    return this.wallets.list(principal.organization.id, query);
  }

  /** Opens a wallet on a chain. The organization's first wallet becomes its default. */
  @Post()
  @HttpCode(201)
  @Auth('wallets:write')
  @ApiCreatedResponse({ type: WalletDto })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateWalletDto): Promise<WalletDto> {
    return walletView(await this.wallets.create(principal.organization.id, body, principal.id));
  }

  /** One wallet. */
  @Get(':id')
  @Auth('treasury:read')
  @ApiOkResponse({ type: WalletDto })
  @ApiNotFoundResponse({ type: ErrorEnvelopeDto, description: '`not_found`: no such wallet in this organization.' })
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<WalletDto> {
    return walletView(await this.wallets.get(principal.organization.id, id));
  }

  /** Renames a wallet or makes it the default. */
  @Patch(':id')
  @Auth('wallets:write')
  @ApiOkResponse({ type: WalletDto })
  @ApiNotFoundResponse({ type: ErrorEnvelopeDto, description: '`not_found`: no such wallet in this organization.' })
  async update(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: UpdateWalletDto): Promise<WalletDto> {
    return walletView(
      await this.wallets.update(principal.organization.id, id, { name: body.name, isDefault: body.is_default }, principal.id),
    );
  }

  /** The wallet's balance in each currency it holds: `available` + `held` = `total`. */
  @Get(':id/balances')
  @Auth('treasury:read')
  @ApiOkResponse({ type: BalanceListDto })
  @ApiNotFoundResponse({ type: ErrorEnvelopeDto, description: '`not_found`: no such wallet in this organization.' })
  async balances(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<BalanceListDto> {
    const data = await this.ledger.walletBalances(principal.organization.id, id);
    return { object: 'list', data, has_more: false, next_cursor: null };
  }
}
