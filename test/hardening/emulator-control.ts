/** Clients of the emulator's runtime fault control, as a test harness outside the process would use it. */

async function put(emulatorUrl: string, what: 'faults' | 'latency', body: unknown): Promise<unknown> {
  const response = await fetch(`${emulatorUrl}/emulator/${what}`, { method: 'PUT', body: JSON.stringify(body) });
  const answer: unknown = await response.json();
  if (!response.ok) throw new Error(`PUT /emulator/${what} answered ${response.status}: ${JSON.stringify(answer)}`);
  return answer;
}

/** Replaces the fault rules (`EMULATOR_FAULTS` format). `emulatorUrl` has no `/v1`. */
export function setFaults(emulatorUrl: string, rules: object[]): Promise<unknown> {
  return put(emulatorUrl, 'faults', rules);
}

/** Sets the latency every answer gets; `undefined` removes it. */
export function setLatency(emulatorUrl: string, ms: number | undefined): Promise<unknown> {
  return put(emulatorUrl, 'latency', ms === undefined ? {} : { minMs: ms, maxMs: ms });
}

/** The live rules, with what remains of each rule's `times`. */
export async function getFaults(emulatorUrl: string): Promise<{ path: string; times?: number }[]> {
  return (await (await fetch(`${emulatorUrl}/emulator/faults`)).json()) as { path: string; times?: number }[];
}
