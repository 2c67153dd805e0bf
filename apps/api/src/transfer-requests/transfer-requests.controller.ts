import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { Auth, CurrentPrincipal, MovesMoney, Principal } from '@app/auth';
import { DateRangeQueryDto, ErrorEnvelopeDto } from '@app/common';
import { Actor, TransferRequestsService } from '@app/payments';
import { evidenceOf, RequiresSignedApproval } from '@app/signatures';
import { Request } from 'express';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ApproveRequestDto, RejectRequestDto } from './dto/approval.dto';
import { CreateTransferRequestDto } from './dto/create-transfer-request.dto';
import { ListTransferRequestsQueryDto } from './dto/list-transfer-requests-query.dto';
import { TransferRequestDto, TransferRequestListDto } from './dto/transfer-request.dto';

export function actorOf(principal: Principal): Actor {
  return { id: principal.id, organizationId: principal.organization.id, roles: principal.roles };
}

@ApiTags('transfer_requests')
@Controller('api/v1/transfer_requests')
export class TransferRequestsController {
  constructor(private readonly transfers: TransferRequestsService) {}

  /**
   * Initiates a transfer. The funds are held at once; low risk executes immediately, high risk waits
   * for supervisor approval (`pending_approval`). Requires an Idempotency-Key.
   */
  @Post()
  @Auth('transfers:write')
  @MovesMoney()
  @ApiCreatedResponse({ type: TransferRequestDto })
  @ApiConflictResponse({
    type: ErrorEnvelopeDto,
    description: '`conflict`: the external_reference is taken; `invalid_request` / `request_in_progress`: Idempotency-Key reuse.',
  })
  @ApiUnprocessableEntityResponse({ type: ErrorEnvelopeDto, description: '`insufficient_funds`, `unsupported_asset`, `policy_violation`.' })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateTransferRequestDto): Promise<TransferRequestDto> {
    return this.transfers.view(await this.transfers.create(actorOf(principal), body));
  }

  /** Lists transfer requests, newest first. */
  @Get()
  @Auth('treasury:read')
  @ApiOkResponse({ type: TransferRequestListDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListTransferRequestsQueryDto): Promise<TransferRequestListDto> {
    return this.transfers.list(principal.organization.id, { ...query, ...DateRangeQueryDto.range(query) });
  }

  @Get(':id')
  @Auth('treasury:read')
  @ApiOkResponse({ type: TransferRequestDto })
  @ApiNotFoundResponse({ type: ErrorEnvelopeDto })
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<TransferRequestDto> {
    return this.transfers.view(await this.transfers.get(principal.organization.id, id));
  }

  /**
   * A supervisor's approval, signed per RFC 9421 (API.md §6). The initiator can never approve; each
   * supervisor counts once; `approvals_required` distinct approvals send the transfer to execution.
   */
  @Post(':id/approve')
  @HttpCode(200)
  @Auth('approvals:write')
  @MovesMoney()
  @RequiresSignedApproval()
  @ApiOkResponse({ type: TransferRequestDto })
  @ApiNotFoundResponse({ type: ErrorEnvelopeDto })
  @ApiConflictResponse({
    type: ErrorEnvelopeDto,
    description: '`conflict`: not pending approval, already decided by you, or request_digest mismatch.',
  })
  async approve(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: ApproveRequestDto,
    @Req() request: Request,
  ): Promise<TransferRequestDto> {
    const transfer = await this.transfers.approve(
      actorOf(principal),
      id,
      { requestDigest: body.request_digest, comment: body.comment },
      evidenceOf(request),
    );
    return this.transfers.view(transfer);
  }

  /** A supervisor's refusal: the transfer ends `rejected` and its funds are released (no signature needed). */
  @Post(':id/reject')
  @HttpCode(200)
  @Auth('approvals:write')
  @ApiOkResponse({ type: TransferRequestDto })
  @ApiNotFoundResponse({ type: ErrorEnvelopeDto })
  @ApiConflictResponse({ type: ErrorEnvelopeDto, description: '`conflict`: not pending approval, or already decided by you.' })
  async reject(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: RejectRequestDto,
  ): Promise<TransferRequestDto> {
    return this.transfers.view(await this.transfers.reject(actorOf(principal), id, { comment: body.comment }));
  }

  /** Cancels a request that waits for approval and releases its funds (the initiator or an operator). */
  @Post(':id/cancel')
  @HttpCode(200)
  @Auth('transfers:write')
  @ApiOkResponse({ type: TransferRequestDto })
  @ApiNotFoundResponse({ type: ErrorEnvelopeDto })
  @ApiConflictResponse({ type: ErrorEnvelopeDto, description: '`conflict`: the request is no longer pending approval.' })
  async cancel(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<TransferRequestDto> {
    return this.transfers.view(await this.transfers.cancel(actorOf(principal), id));
  }
}
