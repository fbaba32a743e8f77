/*
 * The newsroom's own script, for the article form only: autosave to the server, a live preview of the
 * body, headline and word counts, and a warning before leaving typing that is not autosaved yet. The
 * form works the same without it. Plain JavaScript: no framework, no build step, nothing from elsewhere.
 * Public pages never load it (their Content-Security-Policy allows no script at all).
 */
(() => {
  'use strict';

  const region = document.getElementById('autosave');
  const form = region && (region.closest('form') || document.querySelector('form.article-form'));
  if (!form) {
    return;
  }

  /** Quiet time after the last keystroke before an autosave, and the longest wait while typing on. */
  const AUTOSAVE_QUIET = 2000;
  const AUTOSAVE_MAX_WAIT = 10000;
  /** How often a failed autosave is tried again (signed out, offline). */
  const RETRY_EVERY = 15000;
  const PREVIEW_QUIET = 400;
  const RENDER_ADDRESS = '/admin/articles/render';
  const TOKEN_ADDRESS = '/admin/articles/form-token';
  const SIGN_IN_ADDRESS = '/login';
  /** Fields that are not typing: the CSRF token and the version the form was loaded at. */
  const NOT_TYPED = new Set(['csrf-token', 'version']);

  const status = document.getElementById('autosave-status');
  const alertBox = document.getElementById('autosave-alert');
  const storageKey = region.dataset.address ? region.dataset.storage : null;
  const newStorageKey = storageKey && storageKey.replace(/:[^:]*$/, ':new');
  /** The server's clock minus ours, so that times kept in this browser compare with the server's. */
  const clockOffset = region.dataset.now ? Date.parse(region.dataset.now) - Date.now() : 0;
  const since = region.dataset.since ? Date.parse(region.dataset.since) : 0;

  region.hidden = false;

  // ---- The form as typed -------------------------------------------------------------------------

  /** The form's fields as the server would receive them, without the image file. */
  const entries = () => {
    const list = [];
    for (const [name, value] of new FormData(form)) {
      if (typeof value === 'string') {
        list.push([name, value]);
      }
    }
    return list;
  };

  /** What was typed, as one comparable string. */
  const typing = (list) => JSON.stringify(list.filter(([name]) => !NOT_TYPED.has(name))
      .map(([name, value]) => [name, value.replace(/\r\n/g, '\n')]));

  const serverNow = () => Date.now() + clockOffset;

  const clock = (time) => new Date(time - clockOffset).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

  // ---- Messages ----------------------------------------------------------------------------------

  const say = (text) => {
    if (status.textContent !== text) {
      status.textContent = text;
    }
  };

  /** A message in the alert region; a link in it when given as [text, address]. */
  const warn = (...parts) => {
    const fresh = document.createElement('p');
    for (const part of parts) {
      if (Array.isArray(part)) {
        const link = document.createElement('a');
        link.textContent = part[0];
        link.href = part[1];
        link.target = '_blank';
        link.rel = 'noopener';
        fresh.append(link);
      } else {
        fresh.append(part);
      }
    }
    if (alertBox.textContent !== fresh.textContent) {
      alertBox.replaceChildren(fresh);
    }
  };

  const unwarn = () => {
    if (alertBox.firstChild) {
      alertBox.replaceChildren();
    }
  };

  // ---- A copy in this browser, for when the server cannot take the typing ------------------------

  const readCopy = (key) => {
    try {
      const copy = key && JSON.parse(localStorage.getItem(key));
      return copy && Array.isArray(copy.fields) ? copy : null;
    } catch (e) {
      return null;
    }
  };

  const keepCopy = (list, submitted) => {
    try {
      localStorage.setItem(storageKey, JSON.stringify({ time: serverNow(), fields: list, submitted: !!submitted }));
    } catch (e) {
      // No storage (private browsing, full): the server's autosave and the warning on leaving remain.
    }
  };

  const dropCopy = (key) => {
    try {
      localStorage.removeItem(key);
    } catch (e) {
      // nothing kept, nothing to drop
    }
  };

  /** Puts typing back into the form: text, choices and boxes. */
  const fill = (list) => {
    const values = new Map();
    for (const [name, value] of list) {
      values.set(name, value);
    }
    for (const element of form.elements) {
      if (!element.name || NOT_TYPED.has(element.name) || element.type === 'file' || element.type === 'submit') {
        continue;
      }
      const value = values.get(element.name);
      if (element.type === 'checkbox' || element.type === 'radio') {
        element.checked = value !== undefined && element.value === value;
      } else if (value !== undefined) {
        element.value = value;
      }
    }
  };

  // ---- Autosave ----------------------------------------------------------------------------------

  let saved = typing(entries());
  let timer = 0;
  let firstChange = 0;
  let sending = false;
  let submitting = false;
  let failing = false;

  const schedule = (delay) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = 0;
      autosave();
    }, delay);
  };

  const changed = () => {
    if (failing) {
      keepCopy(entries()); // the next try comes when it is due, not sooner
      if (!timer) {
        schedule(RETRY_EVERY);
      }
      return;
    }
    const now = Date.now();
    if (!firstChange) {
      firstChange = now;
    }
    schedule(Math.max(0, Math.min(AUTOSAVE_QUIET, firstChange + AUTOSAVE_MAX_WAIT - now)));
  };

  const signedOut = (response) => response.type === 'opaqueredirect' || response.status === 401;

  const post = (address, list) => {
    const body = new FormData();
    for (const [name, value] of list) {
      body.append(name, value);
    }
    return fetch(address, {
      method: 'POST', body, credentials: 'same-origin', redirect: 'manual', headers: { Accept: 'application/json' },
    });
  };

  /** Signing in again (in another tab) starts a new CSRF token: the page's forms take it too. */
  const refreshToken = async () => {
    const response = await fetch(TOKEN_ADDRESS, {
      credentials: 'same-origin', redirect: 'manual', headers: { Accept: 'application/json' },
    });
    if (!response.ok) {
      return false;
    }
    const { token } = await response.json();
    for (const input of document.querySelectorAll('input[name="csrf-token"]')) {
      input.value = token;
    }
    return true;
  };

  const problem = async (response) => {
    try {
      const answer = await response.json();
      return answer.errors[0].message;
    } catch (e) {
      return response.status === 403 ? 'Not autosaved: this account may not edit this article.'
          : 'Not autosaved: the site answered ' + response.status + '. Trying again.';
    }
  };

  const autosave = async () => {
    if (sending || submitting) {
      return;
    }
    let list = entries();
    let typed = typing(list);
    if (typed === saved) {
      firstChange = 0;
      return;
    }
    sending = true;
    try {
      let response = await post(region.dataset.address, list);
      if (response.status === 400 && await refreshToken()) {
        list = entries();
        typed = typing(list);
        response = await post(region.dataset.address, list);
      }
      if (response.ok) {
        const answer = await response.json();
        saved = typed;
        firstChange = 0;
        failing = false;
        dropCopy(storageKey);
        unwarn();
        say('Your changes were autosaved at ' + answer.time + '. Save to keep them in the article.');
      } else {
        failing = true;
        keepCopy(list);
        if (signedOut(response)) {
          warn('You are signed out: your last typing is kept in this browser. ',
              ['Sign in again in a new tab', SIGN_IN_ADDRESS], ', and saving resumes.');
        } else {
          warn(await problem(response), ' Your typing is kept in this browser.');
        }
      }
    } catch (e) {
      failing = true;
      keepCopy(list);
      warn('Not autosaved: the site did not answer. Your typing is kept in this browser; trying again.');
    } finally {
      sending = false;
      if (typing(entries()) !== saved) {
        schedule(failing ? RETRY_EVERY : AUTOSAVE_QUIET);
      }
    }
  };

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);

  // A real save: the next page says how it went. The typing is kept here in case it does not arrive
  // (the session ended: the sign-in page comes instead of the saved form).
  form.addEventListener('submit', () => {
    submitting = true;
    clearTimeout(timer);
    keepCopy(entries(), true);
  });

  for (const discard of document.querySelectorAll('form.autosave-discard')) {
    discard.addEventListener('submit', () => {
      submitting = true;
      clearTimeout(timer);
      dropCopy(storageKey);
    });
  }

  // Leaving with typing the server does not have yet: kept here, and the browser asks first.
  window.addEventListener('beforeunload', (event) => {
    if (submitting) {
      return;
    }
    const list = entries();
    if (typing(list) !== saved) {
      keepCopy(list);
      event.preventDefault();
      event.returnValue = '';
    }
  });

  // ---- Typing kept in this browser, offered back ---------------------------------------------------

  const offer = (copy) => {
    const notice = document.createElement('div');
    notice.className = 'notice autosave-local';
    notice.setAttribute('role', 'status');
    const text = document.createElement('p');
    text.textContent = 'This browser kept typing of yours from ' + clock(copy.time)
        + ' that the site did not get. Put it back in the form?';
    const putBack = document.createElement('button');
    putBack.type = 'button';
    putBack.textContent = 'Put it back';
    const forget = document.createElement('button');
    forget.type = 'button';
    forget.className = 'secondary';
    forget.textContent = 'Forget it';
    const buttons = document.createElement('p');
    buttons.className = 'autosave-local-buttons';
    buttons.append(putBack, ' ', forget);
    notice.append(text, buttons);
    form.before(notice);
    putBack.addEventListener('click', () => {
      fill(copy.fields);
      notice.remove();
      counts();
      preview();
      changed();
      document.getElementById('headline')?.focus();
    });
    forget.addEventListener('click', () => {
      dropCopy(storageKey);
      notice.remove();
    });
  };

  if (storageKey) {
    // The page a save redirects to ("?done=saved"): what was submitted arrived.
    const justSaved = new URLSearchParams(window.location.search).has('done');
    const arrived = (copy) => copy.submitted && (justSaved || copy.time <= since);
    const copy = readCopy(storageKey);
    if (copy) {
      if (typing(copy.fields) === saved || copy.time <= since || arrived(copy)) {
        dropCopy(storageKey); // the form already shows it, or something newer
      } else {
        offer(copy);
      }
    }
    // A new article's typing, submitted: this page shows the article it made.
    const fresh = newStorageKey !== storageKey && readCopy(newStorageKey);
    if (fresh && arrived(fresh)) {
      dropCopy(newStorageKey);
    }
  }

  // ---- Counts ------------------------------------------------------------------------------------

  const headline = form.querySelector('#headline');
  const body = form.querySelector('#body');
  const headlineCount = document.getElementById('headline-count');
  const bodyCount = document.getElementById('body-count');
  const cut = headlineCount ? Number(headlineCount.dataset.cut) : 70;

  // As the server counts (newsroom.TextCounts): characters as a reader counts them, and runs of text
  // between spaces with a letter or a digit in them.
  const counts = () => {
    if (headline && headlineCount) {
      const characters = [...headline.value.trim()].length;
      headlineCount.textContent = characters + (characters === 1 ? ' character' : ' characters')
          + (characters > cut ? ': search results may cut a headline after about ' + cut : '');
    }
    if (body && bodyCount) {
      const words = body.value.trim().split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
      bodyCount.textContent = words + (words === 1 ? ' word' : ' words');
    }
  };

  headline?.addEventListener('input', counts);
  body?.addEventListener('input', counts);

  // ---- Live preview ------------------------------------------------------------------------------

  const panel = document.getElementById('body-preview-panel');
  const target = document.getElementById('body-preview');
  let previewTimer = 0;
  let asked = 0;

  const render = async () => {
    const mine = ++asked;
    const token = form.querySelector('input[name="csrf-token"]');
    try {
      const response = await post(RENDER_ADDRESS, [['csrf-token', token ? token.value : ''], ['body', body.value]]);
      if (mine !== asked) {
        return; // a later keystroke asked again
      }
      if (response.ok) {
        const answer = await response.json();
        // Rendered and sanitised by the server, as the public page is.
        target.innerHTML = answer.html;
        panel.classList.remove('body-preview--stale');
      } else {
        panel.classList.add('body-preview--stale');
      }
    } catch (e) {
      panel.classList.add('body-preview--stale');
    }
  };

  const preview = () => {
    if (!panel || !target || !body) {
      return;
    }
    clearTimeout(previewTimer);
    previewTimer = setTimeout(render, PREVIEW_QUIET);
  };

  if (panel && target && body) {
    panel.hidden = false;
    body.addEventListener('input', preview);
    render();
  }

  // ---- The user's own byline, in one click -------------------------------------------------------

  const bylines = document.getElementById('bylines');
  const mine = form.querySelector('button[data-add-byline]');
  if (bylines && mine) {
    mine.hidden = false;
    mine.addEventListener('click', () => {
      const name = mine.dataset.addByline;
      const names = bylines.value.split(',').map((n) => n.trim()).filter((n) => n !== '');
      if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) {
        names.push(name);
        bylines.value = names.join(', ');
        // Typing by another hand: autosave and the leaving warning learn of it as of a keystroke.
        bylines.dispatchEvent(new Event('input', { bubbles: true }));
      }
      bylines.focus();
    });
  }
})();
