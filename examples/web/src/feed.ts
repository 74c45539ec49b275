import { fetchData, onReconnect, watch } from './client';
import { Hl7V2RecentQuery, Hl7V2ReceivedSubscription, Hl7V2StoresQuery } from './documents';
import { h } from './dom';
import type { DemoHl7V2MessageFieldsFragment } from './gql/graphql';

/** Rows kept on the page: the newest. */
const MAX_ROWS = 100;

/** Ends the feed's subscription, if the feed is on screen. */
let stopLive: (() => void) | undefined;

/** Leaves the feed page: its subscription ends. */
export function closeFeed(): void {
  stopLive?.();
  stopLive = undefined;
}

/**
 * The live HL7v2 feed of the first HL7v2 store the caller can see (the demo's `hl7v2`): its newest
 * messages, then each message as it is created or ingested (`hl7V2MessageReceived`), newest first.
 * After a reconnect it reads the newest messages again: events of the gap are not replayed.
 */
export async function showFeed(section: HTMLElement): Promise<void> {
  closeFeed();
  const title = h('h1', { id: 'feed-title', tabIndex: -1 }, 'Live HL7v2 feed');
  const status = h('p', { role: 'status' }, 'Loading the feed…');
  const body = h('tbody', {});
  section.replaceChildren(title, status, h('table', { className: 'feed' },
    h('thead', {}, h('tr', {}, ...['Type', 'Event', 'Patient', 'Facility', 'Sent', 'Received'].map((column) => h('th', { scope: 'col' }, column)))),
    body,
  ));
  title.focus();
  document.title = 'Live HL7v2 feed · Healthcare Graph demo';
  let store: { name: string; label: string };
  try {
    const { datasets } = await fetchData(Hl7V2StoresQuery, {});
    const found = datasets.nodes.flatMap((dataset) => dataset.hl7V2Stores.nodes.map((s) => ({ name: s.name, label: `${dataset.datasetId} / ${s.storeId}` })))[0];
    if (found === undefined) throw new Error('no HL7v2 store is visible to this server');
    store = found;
  } catch (error) {
    status.className = 'error';
    status.textContent = `Cannot show the feed: ${(error as Error).message}`;
    return;
  }
  if (!title.isConnected) return;

  const shown = new Set<string>();
  const add = (message: DemoHl7V2MessageFieldsFragment, fresh: boolean, where: 'top' | 'bottom'): void => {
    if (shown.has(message.id)) return;
    shown.add(message.id);
    const line = messageRow(message);
    if (fresh) line.className = 'fresh';
    if (where === 'top') body.prepend(line);
    else body.append(line);
    while (body.rows.length > MAX_ROWS) body.lastElementChild?.remove();
  };
  const loadRecent = async (): Promise<void> => {
    const { hl7V2Store } = await fetchData(Hl7V2RecentQuery, { store: store.name }, true);
    // Newest first; on a reload only the ones not shown yet are added, above the rest.
    const messages = hl7V2Store?.messages.nodes ?? [];
    const reload = shown.size > 0;
    for (const message of reload ? [...messages].reverse() : messages) add(message, reload, reload ? 'top' : 'bottom');
  };
  const failed = (error: Error) => {
    status.className = 'error';
    status.textContent = `Live updates stopped: ${error.message}`;
  };
  // Subscribed first, so that no message falls between the first page and the live ones.
  const stop = watch(Hl7V2ReceivedSubscription, { store: store.name }, {
    next: ({ hl7V2MessageReceived: message }) => {
      add(message, true, 'top');
      status.textContent = `Live: ${store.label}, ${message.messageType ?? '?'}^${message.event ?? '?'} received ${new Date().toLocaleTimeString()}`;
    },
    error: failed,
  });
  const stopReconnect = onReconnect(() => void loadRecent().catch(failed));
  stopLive = () => {
    stop();
    stopReconnect();
  };
  try {
    await loadRecent();
    status.textContent = `Live: ${store.label}, newest first; new messages appear at the top.`;
  } catch (error) {
    failed(error as Error);
  }
}

/** The patient's MRN (PID-3 of type MRN), else the first patient id. */
function patientOf(message: DemoHl7V2MessageFieldsFragment): string {
  const id = message.patientIds.find((candidate) => candidate.type === 'MRN' || candidate.type === 'MR') ?? message.patientIds[0];
  return id?.value ?? '—';
}

/** A time to the second, as ISO text without the zone: the demo dataset's clock is UTC. */
const clock = (value: string | null): Node | string => (value ? h('time', { dateTime: value }, `${value.slice(0, 19).replace('T', ' ')}`) : '—');

function messageRow(message: DemoHl7V2MessageFieldsFragment): HTMLTableRowElement {
  return h('tr', {}, ...[message.messageType, message.event, patientOf(message), message.sendFacility, clock(message.sendTime), clock(message.createTime)]
    .map((cell) => h('td', {}, cell ?? '—')));
}
