// The public lookup page (templates/lookup/page.html): a receipt's QR code opens /lookup#r=<reference>&c=<code>.
// The part after '#' never reaches a server; this script reads it, takes it off the address bar (so it is
// neither bookmarked nor left in the history), fills the form and sends it, in its body.
(function () {
  'use strict';
  function start() {
    if (!window.location.hash || window.location.hash.length < 2) {
      return;
    }
    var params = new URLSearchParams(window.location.hash.substring(1));
    history.replaceState(null, '', window.location.pathname + window.location.search);
    var reference = params.get('r');
    var code = params.get('c');
    var form = document.getElementById('lookup-form');
    if (!form || !reference || !code || reference.length > 20 || code.length > 40) {
      return;
    }
    form.elements.reference.value = reference;
    form.elements.code.value = code;
    form.submit();
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
