import { Controller, Get, Param, Query } from '@nestjs/common';
import { Auth, CurrentPrincipal, Principal } from '@app/auth';
import { DateRangeQueryDto, ErrorEnvelopeDto } from '@app/common';
import { TransactionsService, transactionView } from '@app/ledger';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ListTransactionsQueryDto } from './dto/list-transactions-query.dto';
import { TransactionDto, TransactionListDto } from './dto/transaction.dto';

@ApiTags('transactions')
@Controller('api/v1/transactions')
export class TransactionsController {
  constructor(private readonly transactions: TransactionsService) {}

  /** The treasury's ledger movements, newest first. */
  @Get()
  @Auth('treasury:read')
  @ApiOkResponse({ type: TransactionListDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListTransactionsQueryDto): Promise<TransactionListDto> {
    return this.transactions.list(principal.organization.id, { ...query, ...DateRangeQueryDto.range(query) });
  }

  @Get(':id')
  @Auth('treasury:read')
  @ApiOkResponse({ type: TransactionDto })
  @ApiNotFoundResponse({ type: ErrorEnvelopeDto })
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<TransactionDto> {
    return transactionView(await this.transactions.get(principal.organization.id, id));
  }
}
