// The report's behaviour: filters by severity, kind and rule; a finding's message, note and
// fixes on hover (pinned by a click); a click in a side list shows the finding in the text.
(function () {
  "use strict";
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark[data-f]"));
  var entries = Array.prototype.slice.call(document.querySelectorAll("li.f"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".side details"));
  var dims = [
    ["severity", "级别", { error: "错误", warning: "警告", info: "提示" }, ["error", "warning", "info"]],
    ["kind", "类别", { error: "差错", style: "体例" }, ["error", "style"]],
    ["rule", "规则", null, null]
  ];
  var hidden = { severity: {}, kind: {}, rule: {} };

  function shown(el) {
    return dims.every(function (d) { return !hidden[d[0]][el.getAttribute("data-" + d[0])]; });
  }

  function apply() {
    marks.forEach(function (m) { m.classList.toggle("off", !shown(m)); });
    entries.forEach(function (li) { li.classList.toggle("off", !shown(li)); });
    groups.forEach(function (g) {
      g.classList.toggle("off", !g.querySelector("li.f:not(.off)"));
    });
  }

  function buildFilters() {
    var host = document.getElementById("filters");
    if (!host || entries.length === 0) { return; }
    dims.forEach(function (d) {
      var counts = {};
      entries.forEach(function (li) {
        var v = li.getAttribute("data-" + d[0]);
        counts[v] = (counts[v] || 0) + 1;
      });
      var keys = (d[3] || Object.keys(counts).sort()).filter(function (k) { return counts[k]; });
      var set = document.createElement("fieldset");
      var legend = document.createElement("legend");
      legend.textContent = d[1];
      set.appendChild(legend);
      keys.forEach(function (k) {
        var label = document.createElement("label");
        var box = document.createElement("input");
        box.type = "checkbox";
        box.checked = true;
        box.addEventListener("change", function () {
          hidden[d[0]][k] = !box.checked;
          apply();
        });
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + (d[2] ? d[2][k] : k) + " " + counts[k]));
        set.appendChild(label);
      });
      host.appendChild(set);
    });
  }

  var pop = document.createElement("div");
  pop.id = "pop";
  pop.hidden = true;
  document.body.appendChild(pop);
  var pinned = null;

  function entryOf(mark) {
    var section = mark.closest("section");
    return section && section.querySelector('li.f[data-f="' + mark.getAttribute("data-f") + '"]');
  }

  function markOf(li) {
    var section = li.closest("section");
    return section && section.querySelector('mark[data-f="' + li.getAttribute("data-f") + '"]');
  }

  function show(mark) {
    var li = entryOf(mark);
    if (!li) { return; }
    pop.textContent = "";
    var rule = document.createElement("div");
    rule.className = "rule";
    rule.textContent = mark.getAttribute("data-rule");
    var list = document.createElement("ol");
    list.appendChild(li.cloneNode(true));
    pop.appendChild(rule);
    pop.appendChild(list);
    var box = mark.getBoundingClientRect();
    pop.hidden = false;
    var left = Math.min(box.left, document.documentElement.clientWidth - pop.offsetWidth - 8);
    pop.style.left = Math.max(4, left) + window.scrollX + "px";
    pop.style.top = box.bottom + window.scrollY + 4 + "px";
  }

  function pin(mark) {
    document.querySelectorAll(".pinned").forEach(function (el) { el.classList.remove("pinned"); });
    pinned = mark;
    if (!mark) { pop.hidden = true; return; }
    mark.classList.add("pinned");
    var li = entryOf(mark);
    if (li) { li.classList.add("pinned"); }
    show(mark);
  }

  document.addEventListener("mouseover", function (event) {
    var mark = event.target.closest && event.target.closest("mark[data-f]");
    if (mark && !mark.classList.contains("off")) { show(mark); }
    else if (!pinned && !(event.target.closest && event.target.closest("#pop"))) { pop.hidden = true; }
  });
  document.addEventListener("click", function (event) {
    var mark = event.target.closest("mark[data-f]");
    if (mark && !mark.classList.contains("off")) { pin(mark === pinned ? null : mark); return; }
    var li = event.target.closest("li.f");
    if (li && !event.target.closest("#pop")) {
      var target = markOf(li);
      if (target) {
        target.scrollIntoView({ block: "center" });
        pin(target);
      }
      return;
    }
    if (!event.target.closest("#pop")) { pin(null); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { pin(null); }
  });

  buildFilters();
})();
