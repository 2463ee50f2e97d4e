// numcheck report: select a finding to mark and reveal its figures; hover or focus a
// figure to see what numcheck read. No network, no storage, no eval.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("numcheck-data").textContent);
  var tip = document.getElementById("tip");
  var selected = null;

  function marked(n, role) {
    return Array.prototype.slice.call(document.querySelectorAll("#draft .hit[data-" + role + '~="' + n + '"]'));
  }

  // Scroll so that all the given elements are in view when they fit, else the first.
  function reveal(els) {
    if (!els.length) return;
    var rects = els.map(function (e) { return e.getBoundingClientRect(); });
    var top = Math.min.apply(null, rects.map(function (r) { return r.top; }));
    var bottom = Math.max.apply(null, rects.map(function (r) { return r.bottom; }));
    var room = window.innerHeight;
    if (bottom - top <= room * 0.9) {
      window.scrollBy(0, (top + bottom) / 2 - room / 2);
    } else {
      els[0].scrollIntoView({ block: "center" });
    }
  }

  function select(n, scroll) {
    document.querySelectorAll("#draft .flag-on, #draft .rel-on").forEach(function (e) {
      e.classList.remove("flag-on", "rel-on");
    });
    document.querySelectorAll(".finding.selected").forEach(function (li) {
      li.classList.remove("selected");
      li.querySelector("button").setAttribute("aria-pressed", "false");
    });
    selected = n;
    var flagged = marked(n, "flag"), related = marked(n, "rel");
    flagged.forEach(function (e) { e.classList.add("flag-on"); });
    related.forEach(function (e) { e.classList.add("rel-on"); });
    var li = document.getElementById("finding-" + n);
    if (li) {
      li.classList.add("selected");
      li.querySelector("button").setAttribute("aria-pressed", "true");
    }
    if (scroll) reveal(flagged.concat(related));
  }

  document.querySelectorAll(".finding button").forEach(function (b) {
    b.setAttribute("aria-pressed", "false");
    b.addEventListener("click", function () { select(b.getAttribute("data-finding"), true); });
  });

  // A back-link from a figure selects its finding and moves focus to it in the list.
  document.querySelectorAll("#draft .backref").forEach(function (a) {
    a.addEventListener("click", function (ev) {
      ev.preventDefault();
      var n = a.getAttribute("data-finding");
      select(n, false);
      var b = document.querySelector('#finding-' + n + ' button');
      if (b) { b.focus({ preventScroll: true }); b.scrollIntoView({ block: "nearest" }); }
    });
  });

  function row(dl, label, value) {
    if (value === null || value === undefined || value === "") return;
    var dt = document.createElement("dt"), dd = document.createElement("dd");
    dt.textContent = label;
    dd.textContent = String(value);
    dl.appendChild(dt);
    dl.appendChild(dd);
  }

  // The tooltip is built with textContent only: nothing from the draft becomes markup.
  function show(el) {
    var c = data.claims[Number(el.getAttribute("data-claim"))];
    if (!c) return;
    var dl = document.createElement("dl");
    row(dl, "kind", c.label);
    row(dl, "text", c.text);
    row(dl, "value", c.value);
    row(dl, "interval", c.interval);
    row(dl, "hedge", c.hedge);
    row(dl, "unit", c.unit);
    row(dl, "subject", c.subject);
    row(dl, "date", c.date);
    row(dl, "weekday", c.weekday);
    if (c.valid === false) row(dl, "valid", "no: no such date");
    row(dl, "at", "line " + c.line + ", col " + c.column);
    tip.replaceChildren(dl);
    tip.hidden = false;
    var r = el.getBoundingClientRect();
    var left = Math.max(4, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 4));
    var below = r.bottom + 6 + tip.offsetHeight <= window.innerHeight;
    tip.style.left = left + "px";
    tip.style.top = (below ? r.bottom + 6 : r.top - tip.offsetHeight - 6) + window.scrollY + "px";
    el.setAttribute("aria-describedby", "tip");
  }
  function hide(el) {
    tip.hidden = true;
    if (el) el.removeAttribute("aria-describedby");
  }

  document.querySelectorAll("#draft .claim").forEach(function (el) {
    el.addEventListener("mouseenter", function () { show(el); });
    el.addEventListener("mouseleave", function () { if (document.activeElement !== el) hide(el); });
    el.addEventListener("focus", function () { show(el); });
    el.addEventListener("blur", function () { hide(el); });
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") hide(document.activeElement);
  });

  var labels = document.getElementById("show-labels");
  labels.addEventListener("change", function () {
    document.getElementById("draft").classList.toggle("labels", labels.checked);
  });

  // A link such as report.html#finding-2 opens with that finding selected.
  var m = /^#finding-(\d+)$/.exec(window.location.hash);
  if (m) select(m[1], true);
})();
