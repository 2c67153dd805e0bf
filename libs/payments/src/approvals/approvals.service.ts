import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { ConflictError, InsufficientScopeError, newId } from '@app/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { In } from 'typeorm';
import { Actor } from '../shared/actor';
import { Approval } from './approval.entity';

/** What approvals need to know of a request of any family. */
export interface ApprovalSubject {
  id: string;
  organizationId: string;
  status: string;
  createdBy: string;
  requestDigest: string;
  approvalsRequired: number;
}

/** An approval-capable family of requests (transfers now; swaps, bridges, agent batches alike). */
export interface ApprovalFamily {
  /** The `object` name, e.g. `transfer_request`. */
  type: string;
  /** The request, locked until the transaction ends (404 if not the organization's). */
  lock(organizationId: string, id: string): Promise<ApprovalSubject>;
  /** Enough distinct approvals: start executing it. */
  authorize(subject: ApprovalSubject): Promise<void>;
  /** A supervisor refused it: end it and release what it holds. */
  reject(subject: ApprovalSubject, actor: string): Promise<void>;
}

export interface ApprovalView {
  object: 'approval';
  id: string;
  decision: 'approved' | 'rejected';
  principal_id: string;
  comment: string | null;
  evidence: object | null;
  created_at: string;
}

/**
 * Maker-checker for every approval-capable family (API.md §6): only supervisors decide, the initiator
 * never approves its own request, one supervisor counts once, `approvals_required` distinct
 * approvals execute it, and each approval keeps its signature evidence, also in the audit log.
 */
@Injectable()
export class ApprovalsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
  ) {}

  private get approvals() {
    return this.txHost.tx.getRepository(Approval);
  }

  async approve(
    family: ApprovalFamily,
    actor: Actor,
    id: string,
    input: { requestDigest: string; comment?: string },
    evidence: object,
  ): Promise<void> {
    await this.txHost.withTransaction(async () => {
      const subject = await this.decidable(family, actor, id);
      if (subject.createdBy === actor.id) throw new InsufficientScopeError('The initiator of a request cannot approve it (maker-checker).');
      if (input.requestDigest !== subject.requestDigest) {
        throw new ConflictError('The request_digest does not match the request: approve exactly what you reviewed.');
      }
      const approval = await this.record(family, subject, actor, 'approved', input.comment, evidence);
      const approvals = await this.approvals.countBy({ requestId: subject.id, decision: 'approved' });
      const executes = approvals >= subject.approvalsRequired;
      await this.audit.append(subject.organizationId, actor.id, `${family.type}.approved`, subject.id, {
        approval_id: approval.id,
        approvals,
        approvals_required: subject.approvalsRequired,
        executes,
        evidence,
      });
      if (executes) await family.authorize(subject);
    });
  }

  async reject(family: ApprovalFamily, actor: Actor, id: string, input: { comment?: string }): Promise<void> {
    await this.txHost.withTransaction(async () => {
      const subject = await this.decidable(family, actor, id);
      const approval = await this.record(family, subject, actor, 'rejected', input.comment, null);
      await this.audit.append(subject.organizationId, actor.id, `${family.type}.rejection_recorded`, subject.id, {
        approval_id: approval.id,
        comment: input.comment ?? null,
      });
      await family.reject(subject, actor.id);
    });
  }

  /** Each request's decisions, oldest first, for many requests in one query. */
  async forRequests(requestIds: string[]): Promise<Map<string, ApprovalView[]>> {
    const byRequest = new Map<string, ApprovalView[]>(requestIds.map((id) => [id, []]));
    if (requestIds.length === 0) return byRequest;
    const rows = await this.approvals.find({ where: { requestId: In(requestIds) }, order: { createdAt: 'ASC', id: 'ASC' } });
    for (const row of rows) byRequest.get(row.requestId)?.push(approvalView(row));
    return byRequest;
  }

  private async decidable(family: ApprovalFamily, actor: Actor, id: string): Promise<ApprovalSubject> {
    const subject = await family.lock(actor.organizationId, id);
    if (!actor.roles.includes('supervisor')) throw new InsufficientScopeError('Only a supervisor may approve or reject a request.');
    if (subject.status !== 'pending_approval')
      throw new ConflictError(`Only a request pending approval can be decided; this one is ${subject.status}.`);
    if (await this.approvals.existsBy({ requestId: subject.id, principalId: actor.id })) {
      throw new ConflictError('You have already decided on this request; one supervisor counts once.');
    }
    return subject;
  }

  private async record(
    family: ApprovalFamily,
    subject: ApprovalSubject,
    actor: Actor,
    decision: 'approved' | 'rejected',
    comment: string | undefined,
    evidence: object | null,
  ) {
    const approval = this.approvals.create({
      id: newId('apr'),
      organizationId: subject.organizationId,
      requestType: family.type,
      requestId: subject.id,
      principalId: actor.id,
      decision,
      comment: comment ?? null,
      evidence,
    });
    await this.approvals.save(approval);
    return approval;
  }
}

export function approvalView(approval: Approval): ApprovalView {
  return {
    object: 'approval',
    id: approval.id,
    decision: approval.decision,
    principal_id: approval.principalId,
    comment: approval.comment,
    evidence: approval.evidence,
    created_at: approval.createdAt.toISOString(),
  };
}
