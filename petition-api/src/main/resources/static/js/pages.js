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

// --- i14-desk: the session desk's visit form, petitioner rows, the print button ---
(function () {
  'use strict';

  // A part of a form shown only when another field asks for it: data-shown-when="outcome=REFUSED" (a value) or
  // "people>=5" (at least a number). Hidden, it is also disabled: not in the Tab order, not sent, not validated.
  function applyConditions(root) {
    root.querySelectorAll('[data-shown-when]').forEach(function (part) {
      var form = part.closest('form');
      var rule = /^(\w+)(>=|=)(.*)$/.exec(part.getAttribute('data-shown-when'));
      if (!form || !rule) {
        return;
      }
      var control = form.elements[rule[1]];
      var value = control ? control.value : '';
      var shown = rule[2] === '=' ? value === rule[3] : value !== '' && Number(value) >= Number(rule[3]);
      part.hidden = !shown;
      if (part.tagName === 'FIELDSET') {
        part.disabled = !shown;
      }
    });
  }

  // Petitioner rows: the blank ones after the first wait behind the "add" button, which shows the next one
  // and puts the focus in it. Without JavaScript every row shows and the button stays hidden.
  function rowIsBlank(row) {
    return Array.prototype.every.call(row.querySelectorAll('input'), function (input) { return input.value === ''; });
  }
  function setUpRows(root) {
    root.querySelectorAll('[data-petitioner-rows]').forEach(function (rows) {
      var button = rows.querySelector('[data-add-petitioner]');
      var extra = Array.prototype.slice.call(rows.querySelectorAll('[data-extra-row]'));
      var hidden = 0;
      extra.forEach(function (row, i) {
        // A row stays if it, or a row after it, holds something (a form shown again with its errors).
        var later = extra.slice(i).some(function (r) { return !rowIsBlank(r); });
        row.hidden = !later;
        hidden += row.hidden ? 1 : 0;
      });
      if (button) {
        button.hidden = hidden === 0;
      }
    });
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-add-petitioner]');
    if (button) {
      var next = button.parentElement.querySelector('[data-extra-row][hidden]');
      if (next) {
        next.hidden = false;
        next.querySelector('input').focus();
      }
      button.hidden = !button.parentElement.querySelector('[data-extra-row][hidden]');
      return;
    }
    if (event.target.closest('[data-print]')) {
      window.print();
    }
  });

  function setUp(root) {
    applyConditions(root);
    setUpRows(root);
    root.querySelectorAll('[data-print]').forEach(function (button) { button.hidden = false; });
  }
  ['input', 'change'].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (event.target.form) {
        applyConditions(event.target.form);
      }
    });
  });
  // A form refused and swapped in again: its error summary takes the focus from the first field, which htmx
  // focused (autofocus). The settled element is the new content (the request's target may be the element it
  // replaced, for an outerHTML swap).
  document.addEventListener('htmx:afterSettle', function (event) {
    var summary = event.target.querySelector ? event.target.querySelector('.form-errors') : null;
    if (summary) {
      summary.setAttribute('tabindex', '-1');
      summary.focus();
    }
  });
  document.addEventListener('DOMContentLoaded', function () { setUp(document); });
  // Content htmx swapped in (the visit form given back for the next citizen) is set up the same way.
  document.addEventListener('htmx:load', function (event) { setUp(event.target); });
})();
// --- end i14-desk ---
