// A resident's whole flow through CitizenData's Direct Line 3.0 endpoint, driven by the official client library
// (botframework-directlinejs), in WebSocket or polling mode, with a dropped connection and a resume in between.
// Usage: node directline-client.js <baseUrl> <secret> <websocket|polling>
// Prints one JSON line: { ok, mode, conversationId, transcript, errors }.
'use strict';

global.XMLHttpRequest = require('xhr2');
const RealWebSocket = require('ws');
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const [baseUrl, secret, mode] = process.argv.slice(2);
const webSocket = mode === 'websocket';
const domain = `${baseUrl}/v3/directline`;
const STEP_TIMEOUT_MS = 20000;

// Every socket the client opens, so the test can cut one as a network failure would.
const sockets = [];
class TrackedWebSocket extends RealWebSocket {
  constructor(...args) {
    super(...args);
    sockets.push(this);
  }
}
global.WebSocket = TrackedWebSocket;

const received = [];   // every activity any client instance delivered, in order
const errors = [];
let waiters = [];

function decodeUser(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).user;
}

function connect(options) {
  const client = new DirectLine({
    domain,
    webSocket,
    pollingInterval: 250,
    random: () => 0, // reconnect after the shortest delay (3 s)
    ...options
  });
  client.subscription = client.activity$.subscribe(
    activity => {
      received.push(activity);
      waiters = waiters.filter(w => !w.check());
    },
    error => errors.push(`activity$ error: ${error && error.message}`)
  );
  return client;
}

function leave(client) {
  client.subscription.unsubscribe();
  client.end();
}

function botMessages() {
  return received.filter(a => a.type === 'message' && a.from && a.from.role === 'bot');
}

function waitFor(description, predicate) {
  return new Promise((resolve, reject) => {
    const waiter = {
      check: () => {
        const found = botMessages().find(predicate);
        if (found) { clearTimeout(waiter.timer); resolve(found); return true; }
        return false;
      }
    };
    if (waiter.check()) return;
    waiter.timer = setTimeout(() => {
      waiters = waiters.filter(w => w !== waiter);
      reject(new Error(`Timed out waiting for: ${description}. Bot said: ${JSON.stringify(botMessages().map(m => m.text))}`));
    }, STEP_TIMEOUT_MS);
    waiters.push(waiter);
  });
}

let clientActivityCounter = 0;
function say(client, userId, text) {
  const clientActivityID = `node-${++clientActivityCounter}`;
  return new Promise((resolve, reject) => {
    client.postActivity({ type: 'message', from: { id: userId }, text, locale: 'en-US', channelData: { clientActivityID } })
      .subscribe(id => resolve({ id, clientActivityID }), error => reject(new Error(`post "${text}" failed: ${error && error.status}`)));
  });
}

const after = (message) => (m) => received.indexOf(m) > received.indexOf(message);
const hasButton = (label) => (m) => (m.suggestedActions && m.suggestedActions.actions || []).some(a => a.value === label);

async function main() {
  const generated = await fetch(`${domain}/tokens/generate`, { method: 'POST', headers: { Authorization: `Bearer ${secret}` } });
  if (!generated.ok) throw new Error(`tokens/generate answered ${generated.status}`);
  const { token } = await generated.json();
  const userId = decodeUser(token);

  let client = connect({ token });

  // The bot opens the conversation with the consent notice; no message needed.
  let last = await waitFor('consent notice', m => hasButton('I agree')(m) && /Do you agree/.test(m.text));
  await say(client, userId, 'I agree');
  last = await waitFor('quote question', m => after(last)(m) && hasButton('Yes')(m));

  if (webSocket) {
    // Cut the connection while a reply is on its way: the client must reconnect and get it exactly once.
    await say(client, userId, 'Yes');
    sockets[sockets.length - 1].terminate();
  } else {
    await say(client, userId, 'Yes');
  }
  last = await waitFor('location question', m => after(last)(m) && /area, village or ward/.test(m.text));
  await say(client, userId, 'Kibera');
  last = await waitFor('gender question', m => after(last)(m) && hasButton('Woman')(m));
  await say(client, userId, 'Woman');
  last = await waitFor('age question', m => after(last)(m) && hasButton('25–34')(m));
  await say(client, userId, '25–34');
  last = await waitFor('disability question', m => after(last)(m) && /disability/.test(m.text));

  // Leave while the reply is on its way, and come back with a new client from the watermark.
  await say(client, userId, 'No');
  const watermark = client.watermark;
  const conversationId = client.conversationId;
  leave(client);
  await new Promise(r => setTimeout(r, 1500));
  const refreshed = await fetch(`${domain}/tokens/refresh`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  if (!refreshed.ok) throw new Error(`tokens/refresh answered ${refreshed.status}`);
  const { token: newToken } = await refreshed.json();
  client = connect({ token: newToken, conversationId, watermark });

  last = await waitFor('the campaign question', m => after(last)(m) && /in your own words/.test(m.text));
  await say(client, userId, 'The borehole is broken and we have no clean water');
  last = await waitFor('theme shown', m => after(last)(m) && hasButton('✎ Change')(m));
  await say(client, userId, '✎ Change');
  last = await waitFor('theme list', m => after(last)(m) && hasButton('Health')(m));
  await say(client, userId, 'Health');
  last = await waitFor('theme corrected', m => after(last)(m) && /changed it to: \*Health\*/.test(m.text));
  await waitFor('anything else', m => after(last)(m) && /Anything else/.test(m.text));
  await new Promise(r => setTimeout(r, 500));
  leave(client);

  return { conversationId, userId, reconnects: sockets.length };
}

main()
  .then(result => finish(true, result))
  .catch(error => { errors.push(error.message); finish(false, {}); });

function finish(ok, result) {
  const logged = received.filter(a => a.type !== 'typing');
  const transcript = logged.map(a => ({
    id: a.id,
    sequence: a.channelData && a.channelData['webchat:sequence-id'],
    role: a.from && a.from.role,
    fromId: a.from && a.from.id,
    clientActivityID: a.channelData && a.channelData.clientActivityID,
    text: a.text,
    buttons: (a.suggestedActions && a.suggestedActions.actions || []).map(x => x.value),
    hasTo: !!(a.suggestedActions && a.suggestedActions.to),
    textFormat: a.textFormat
  }));
  process.stdout.write(JSON.stringify({ ok, mode, ...result, typing: received.filter(a => a.type === 'typing').length, transcript, errors }) + '\n');
  process.exit(0);
}
