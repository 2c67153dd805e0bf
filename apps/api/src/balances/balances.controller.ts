import { Controller, Get, Query } from '@nestjs/common';
import { Auth, CurrentPrincipal, Principal } from '@app/auth';
import { LedgerService } from '@app/ledger';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { BalanceListDto } from './dto/balance.dto';
import { ListBalancesQueryDto } from './dto/list-balances-query.dto';

@ApiTags('balances')
@Controller('api/v1/balances')
export class BalancesController {
  constructor(private readonly ledger: LedgerService) {}

  /** Token balances across all the organization's wallets, one row per wallet and currency. */
  @Get()
  @Auth('treasury:read')
  @ApiOkResponse({ type: BalanceListDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListBalancesQueryDto): Promise<BalanceListDto> {
    return this.ledger.balances(principal.organization.id, query);
  }
}
