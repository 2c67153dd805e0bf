import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/common';
import { SettlementAdapter, SettlementState, TransferInstruction } from './settlement-adapter';

/**
 * Destinations the simulated network rejects: addresses beginning `0xfa11` ("fail"). A documented,
 * deterministic way for tests and sandbox users to see a failed settlement.
 */
export const SIMULATED_FAILURE_PREFIX = '0xfa11';

/**
 * The simulated EVM network (named as simulated in the README). A transaction's hash is derived from
 * the instruction's reference, so a resubmission after a crash finds the same transaction instead of
 * paying twice; it confirms `SIMULATED_CONFIRMATION_MS` after submission. Stateless: any process
 * reaches the same answer.
 */
@Injectable()
export class SimulatedEvmNetwork implements SettlementAdapter {
  constructor(private readonly config: AppConfig) {}

  async submit(instruction: TransferInstruction): Promise<string> {
    return `0x${createHash('sha256').update(`simulated:${instruction.chain}:${instruction.reference}`).digest('hex')}`;
  }

  async status(instruction: TransferInstruction, _txHash: string, submittedAt: Date): Promise<SettlementState> {
    if (Date.now() - submittedAt.getTime() < this.config.simulatedConfirmationMs) return { state: 'pending' };
    if (instruction.toAddress.toLowerCase().startsWith(SIMULATED_FAILURE_PREFIX)) {
      return { state: 'failed', reason: 'The simulated network rejected the transaction (destination begins 0xfa11).' };
    }
    return { state: 'confirmed' };
  }
}
