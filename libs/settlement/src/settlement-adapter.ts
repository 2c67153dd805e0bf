/** One on-chain transfer to make: the network-facing part of a request's leg. */
export interface TransferInstruction {
  /** Unique per leg and stable across retries (e.g. `tr_…:transfer`): submitting it again must not pay twice. */
  reference: string;
  chain: string;
  currency: string;
  /** Exact decimal string. */
  amount: string;
  fromAddress: string;
  toAddress: string;
}

export type SettlementState = { state: 'pending' } | { state: 'confirmed' } | { state: 'failed'; reason: string };

/**
 * A settlement network (a chain, through a custody provider). The default is the simulated network;
 * provide another implementation under SETTLEMENT_ADAPTER to settle on a real one.
 */
export interface SettlementAdapter {
  /** Broadcasts the transfer, or finds the one already broadcast for `reference`; returns its hash. */
  submit(instruction: TransferInstruction): Promise<string>;
  /** Where the transaction stands, given when it was submitted. */
  status(instruction: TransferInstruction, txHash: string, submittedAt: Date): Promise<SettlementState>;
}

export const SETTLEMENT_ADAPTER = Symbol('SETTLEMENT_ADAPTER');
