// What every page does besides htmx's own work; no inline script anywhere (Content-Security-Policy).
(function () {
  'use strict';

  // Every htmx request carries the CSRF token of the page it came from (meta tags set by the layout).
  document.addEventListener('htmx:configRequest', function (event) {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // An htmx request that failed outright (a 403, a 500, no network) is announced: nothing is swapped.
  function announce(key) {
    var announcer = document.getElementById('announcer');
    if (announcer) {
      announcer.textContent = announcer.dataset[key] || '';
      announcer.classList.add('announcer--shown');
    }
  }
  document.addEventListener('htmx:responseError', function () { announce('errorStatus'); });
  document.addEventListener('htmx:sendError', function () { announce('errorNetwork'); });

  // After a swap, focus goes to what the server marked for it (autofocus, or a form's error summary),
  // so a keyboard or screen-reader user carries on where the page changed.
  document.addEventListener('htmx:afterSettle', function (event) {
    // i14-petition: an outerHTML swap (hx-swap="outerHTML" on #main) replaces the target, and htmx
    // reports the old, detached one; the event itself is fired on the new element.
    var target = event.detail.target && event.detail.target.isConnected ? event.detail.target : event.target;
    if (!target) {
      return;
    }
    var focus = target.querySelector('.form-errors, [autofocus]');
    if (focus) {
      if (!focus.hasAttribute('tabindex') && focus.classList.contains('form-errors')) {
        focus.setAttribute('tabindex', '-1');
      }
      focus.focus();
    }
  });

  // A form's error summary shown on a plain POST gets the focus too.
  document.addEventListener('DOMContentLoaded', function () {
    var summary = document.querySelector('.form-errors');
    if (summary) {
      summary.setAttribute('tabindex', '-1');
      summary.focus();
    }
  });
})();
