/* Leeway inside your dashboard (docs/integrate.md, "Leeway inside your dashboard").
 *
 *   <div id="leeway"></div>
 *   <script src="https://leeway.example.com/widget.js" data-target="#leeway" data-token="JWT_FROM_YOUR_BACKEND" async></script>
 *
 * Puts an iframe with the customer's Billing Health Meter and their conversation with Lee into the target element
 * (or right after this tag), as wide as that element, as tall as its content. The SaaS's JWT reaches Leeway in the
 * body of a POST into the frame, never in a URL (URLs end up in logs, proxies and browser history), and is removed
 * from the page once posted. Leeway answers only posts whose Origin it was configured to trust.
 *
 * The frame's accessible name is in the customer's language: data-title if given, else the language of data-lang, of
 * the page (<html lang>), or of the browser, in one of the six Leeway speaks (en, es, de, fr, pt, it), else English.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) { return; }
  var leeway = new URL(script.src).origin;
  var token = script.getAttribute('data-token') || '';
  script.removeAttribute('data-token');
  var selector = script.getAttribute('data-target');
  var container = selector ? document.querySelector(selector) : null;
  if (!container) {
    container = document.createElement('div');
    script.parentNode.insertBefore(container, script.nextSibling);
  }

  // "container": fill the element's own height (it scrolls inside); default: grow with the content (no inner scroll).
  var fitContainer = script.getAttribute('data-height') === 'container';
  var name = 'leeway-widget-' + Math.random().toString(36).slice(2);
  var frame = document.createElement('iframe');
  frame.name = name;
  var titles = { en: 'Billing help', es: 'Ayuda con la facturación', de: 'Hilfe zur Abrechnung', fr: 'Aide à la facturation', pt: 'Ajuda com o faturamento', it: 'Assistenza per la fatturazione' };
  var languages = [script.getAttribute('data-lang'), document.documentElement.lang, navigator.language];
  var title = titles.en;
  for (var i = 0; i < languages.length; i++) {
    var language = (languages[i] || '').split(/[-_]/)[0].toLowerCase();
    if (Object.prototype.hasOwnProperty.call(titles, language)) { title = titles[language]; break; }
  }
  frame.title = script.getAttribute('data-title') || title;
  frame.setAttribute('style', 'display:block;width:100%;max-width:100%;min-width:0;border:0;' + (fitContainer ? 'height:100%;' : 'height:40rem;'));
  container.appendChild(frame);

  // A form into the frame: the token travels in the request body, and the frame's first page is the signed-in widget.
  var form = document.createElement('form');
  form.method = 'post';
  form.action = leeway + '/widget/sign-in';
  form.target = name;
  form.style.display = 'none';
  var field = document.createElement('input');
  field.type = 'hidden';
  field.name = 'jwt';
  field.value = token;
  form.appendChild(field);
  container.appendChild(form);
  form.submit();
  container.removeChild(form);
  token = '';

  // The widget says how tall its page is; only messages from Leeway's origin and this frame are believed.
  window.addEventListener('message', function (event) {
    if (fitContainer || event.origin !== leeway || event.source !== frame.contentWindow) { return; }
    var data = event.data;
    if (data && data.leeway === 'height' && typeof data.height === 'number' && data.height > 0 && data.height < 100000) {
      frame.style.height = Math.ceil(data.height) + 'px';
    }
  });
})();
