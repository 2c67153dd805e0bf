import { exited, startService } from './support/processes';

describe('configuration', () => {
  it('bad configuration stops the service at once with a message naming each bad variable', async () => {
    const service = startService({ PORT: 'not-a-port', KYC_ENFORCEMENT: 'sometimes', DATABASE_URL: undefined });
    const code = await exited(service);
    expect(code).toBe(78);
    expect(service.output()).toContain('Invalid configuration');
    expect(service.output()).toContain('PORT must be an integer');
    expect(service.output()).toContain('KYC_ENFORCEMENT must be one of money_movement, strict, off');
  });
});
