/* global window, location, sessionStorage, WebSocket, URLSearchParams, performance */
// Runs as the page's HTML is read, before the console's script has loaded: opens the
// browser host's connection and asks the three questions every first screen waits for
// (system.info, setup.status, session.current), so their answers travel while the script
// is still being fetched and compiled. The console's transport (lib/ws-bridge.ts) adopts
// this socket and these answers. Plain script, no module: nothing here waits for anything.
// Under Electron the preload's bridge answers instead, and this does nothing.
(function () {
  if (window.eoc || typeof WebSocket !== 'function') return;
  var token = new URLSearchParams(location.search).get('token') || sessionStorage.getItem('eoc.token');
  if (!token) return;
  var url = (location.protocol === 'https:' ? 'wss' : 'ws') + '://' + location.host + '/ws?token=' + encodeURIComponent(token);
  var socket = new WebSocket(url);
  var boot = { url: url, socket: socket, asked: ['system.info', 'setup.status', 'session.current'], messages: [] };
  socket.onmessage = function (ev) {
    boot.messages.push(ev.data);
  };
  // Marks when the answers are in (the start-up benchmark reads it); a listener, not the
  // handler, since the console's transport replaces the handler when it adopts the socket.
  var answered = 0;
  socket.addEventListener('message', function () {
    if (++answered === boot.asked.length && window.performance && performance.mark) performance.mark('eoc:first-data');
  });
  socket.onopen = function () {
    boot.asked.forEach(function (method) {
      socket.send(JSON.stringify({ id: 'boot:' + method, method: method, input: {} }));
    });
  };
  window.__eocBoot = boot;
})();
