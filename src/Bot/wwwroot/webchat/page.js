// The web chat page: gets a token from our server (no secret in the page), keeps it in localStorage so a reload
// resumes the same conversation, and renders the official Bot Framework Web Chat over our Direct Line endpoint.
(function () {
  'use strict';

  var params = new URLSearchParams(window.location.search);
  var campaign = (params.get('campaign') || '').trim() || null;
  var locale = params.get('locale') || navigator.language || 'en';
  var storageKey = 'citizendata.webchat.' + (campaign || 'default');
  var status = document.getElementById('status');

  function load() {
    try { return JSON.parse(window.localStorage.getItem(storageKey) || 'null'); } catch (e) { return null; }
  }

  function save(session) {
    try { window.localStorage.setItem(storageKey, JSON.stringify(session)); } catch (e) { /* private mode: no resume */ }
  }

  function show(message) {
    status.textContent = message;
  }

  async function getSession() {
    var previous = load();
    var response = await fetch('/api/webchat/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ campaign: campaign, locale: locale, token: previous && previous.token })
    });
    if (!response.ok) {
      var problem = await response.json().catch(function () { return {}; });
      throw new Error(problem.detail || ('The chat could not start (' + response.status + ').'));
    }
    return response.json();
  }

  async function start() {
    if (!window.WebChat) {
      show('The chat could not load. Please check your connection and reload the page.');
      return;
    }
    var session = await getSession();
    save({ token: session.token, conversationId: session.conversationId });
    document.documentElement.lang = session.language || locale;
    document.getElementById('title').textContent = session.title;
    document.title = session.title;

    var directLine = window.WebChat.createDirectLine({
      token: session.token,
      domain: window.location.origin + '/v3/directline',
      webSocket: true,
      // Given the id, the client resumes the conversation (and its whole transcript) instead of starting one.
      conversationId: session.conversationId
    });
    // Web Chat refreshes its token every 15 minutes; keep the newest one so a reload can resume.
    window.setInterval(function () {
      if (directLine.token) save({ token: directLine.token, conversationId: session.conversationId });
    }, 60 * 1000);

    window.WebChat.renderWebChat({
      directLine: directLine,
      userID: session.userId,
      locale: locale,
      styleOptions: {
        hideUploadButton: true,
        suggestedActionLayout: 'flow',
        suggestedActionsStackedHeight: 320,
        bubbleMaxWidth: 560,
        sendBoxTextWrap: true
      }
    }, document.getElementById('webchat'));

    var input = document.querySelector('#webchat input, #webchat textarea');
    if (input) input.focus();
  }

  start().catch(function (error) { show(error.message); });
})();
