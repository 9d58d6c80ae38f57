/* The timeline page: reads the data of <script id="timeline-data"> and draws the chart, the list
   and the details from the reader's filters and zoom (timeline/page.py says what it holds).
   Article text only ever reaches the document as text nodes (textContent), or escaped in the
   chart's hover labels; no clock is read: every date comes from the data. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("timeline-data").textContent);
  var MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
                "أكتوبر", "نوفمبر", "ديسمبر"];
  var DAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"];
  var MODS = {START: "مطلع", MID: "منتصف", END: "نهاية", APPROX: "نحو", ON_OR_BEFORE: "حتى",
              ON_OR_AFTER: "منذ", MORE_THAN: "أكثر من", LESS_THAN: "أقل من", EQUAL_OR_LESS: "لا يزيد عن",
              EQUAL_OR_MORE: "لا يقل عن", BEFORE: "قبل", AFTER: "بعد"};
  var KINDS = {day: ["حدث بتاريخ يوم", "#1f6fb2", "circle"], month: ["حدث على مدى أيام أو شهر", "#d9822b", "diamond"],
               year: ["حدث على مدى سنة أو أكثر", "#6a8f3a", "square"]};
  var FONT = getComputedStyle(document.body).fontFamily;
  var LABEL_FONT = 12, LANE_PX = 34, MAX_LABELS = 160, PAGE = 100;
  var HEIGHT = 560, MARGIN = {l: 36, r: 24, t: 12, b: 36}, BAND = 0.2;

  Plotly.register({moduleType: "locale", name: "ar", dictionary: {},
                   format: {days: DAYS, shortDays: DAYS, months: MONTHS, shortMonths: MONTHS,
                            date: "%d/%m/%Y", decimal: ".", thousands: ","}});

  // --- dates as day numbers (days since 1970-01-01, UTC; years 1-9999) -------------------------
  function dayNum(s) {
    var d = new Date(0);
    d.setUTCFullYear(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
    return Math.round(d.getTime() / 86400000);
  }
  function pad(n, w) { var s = String(n); while (s.length < w) s = "0" + s; return s; }
  function parts(n) {
    var d = new Date(Math.floor(n) * 86400000);
    return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  }
  function dayStr(n) { var p = parts(n); return pad(p[0], 4) + "-" + pad(p[1], 2) + "-" + pad(p[2], 2); }
  function xStr(x) {                        // a fractional day number as a Plotly date string
    var n = Math.floor(x), h = Math.round((x - n) * 24 * 60);
    return dayStr(n) + (h ? " " + pad(Math.floor(h / 60), 2) + ":" + pad(h % 60, 2) : "");
  }
  function xNum(v) {                        // a Plotly axis value (string or ms) as a day number
    if (typeof v === "number") return v / 86400000;
    var s = String(v), n = dayNum(s);
    var m = /[ T](\d\d):(\d\d)(?::(\d\d(?:\.\d+)?))?/.exec(s);
    if (m) n += (+m[1] * 3600 + +m[2] * 60 + (+m[3] || 0)) / 86400;
    return n;
  }
  function fmtDay(n) { var p = parts(n); return p[2] + " " + MONTHS[p[1] - 1] + " " + p[0]; }
  function fmtWhen(e) {
    var mod = MODS[e.m] ? MODS[e.m] + " " : "";
    if (e.fd === e.ld) return mod + fmtDay(e.fd);
    var a = parts(e.fd), b = parts(e.ld), b1 = parts(e.ld + 1);
    if (a[2] === 1 && b1[2] === 1) {                         // whole months
      if (a[1] === 1 && b[1] === 12) return mod + (a[0] === b[0] ? a[0] : a[0] + "–" + b[0]);
      if (a[0] === b[0] && a[1] === b[1]) return mod + MONTHS[a[1] - 1] + " " + a[0];
      return mod + MONTHS[a[1] - 1] + (a[0] === b[0] ? "" : " " + a[0]) + " – " + MONTHS[b[1] - 1] + " " + b[0];
    }
    return mod + fmtDay(e.fd) + " – " + fmtDay(e.ld);
  }

  // --- Arabic folding, as the resolver does (resolvers/normalize.py), plus ة/ه and hamza seats ---
  var FOLD_RX = /[\u064B-\u065F\u0670\u0640\u200B-\u200F\u061C\u202A-\u202E\u2066-\u2069\u00AD]/g;
  function fold(s) {
    return String(s || "").replace(FOLD_RX, "")
      .replace(/[أإآٱ]/g, "ا").replace(/[ىی]/g, "ي").replace(/ة/g, "ه").replace(/[ؤئ]/g, "ء").replace(/ک/g, "ك")
      .replace(/[\u0660-\u0669]/g, function (c) { return String(c.charCodeAt(0) - 0x0660); })
      .replace(/[\u06F0-\u06F9]/g, function (c) { return String(c.charCodeAt(0) - 0x06F0); })
      .toLowerCase();
  }

  // --- the events ------------------------------------------------------------------------------
  var EV = D.events;
  var outletCount = D.outlets.map(function () { return 0; });
  EV.forEach(function (e, k) {
    e.k = k;
    e.fd = dayNum(e.f); e.ld = dayNum(e.l);
    var days = e.ld - e.fd + 1;
    e.kind = days === 1 ? "day" : (days <= 62 ? "month" : "year");
    e.rank = e.sa * (e.kind === "day" ? 1 : (e.kind === "month" ? 0.75 : 0.5));
    var hay = [e.s, e.e];
    e.o.forEach(function (o) { hay.push(D.outlets[o]); outletCount[o] += 1; });
    e.x.forEach(function (x) { hay.push(x[1]); });
    e.d.forEach(function (d) { hay.push(D.docs[d][2]); });
    e.hay = fold(hay.join(" \u0001 "));
  });
  var byRank = EV.slice().sort(function (a, b) { return b.rank - a.rank || a.fd - b.fd || a.k - b.k; });

  var lo = D.span[0] ? dayNum(D.span[0]) : 0, hi = D.span[1] ? dayNum(D.span[1]) : 0;
  var allLo = EV.length ? Math.min.apply(null, EV.map(function (e) { return e.fd; })) : lo;
  var allHi = EV.length ? Math.max.apply(null, EV.map(function (e) { return e.ld; })) : hi;
  function corpusView() { var p = Math.max(2, Math.round((hi - lo) / 30)); return [lo - p, hi + 1 + p]; }
  var state = {view: corpusView(), shown: PAGE, selected: null, matches: EV, drawn: []};

  // --- controls ----------------------------------------------------------------------------------
  var $ = function (id) { return document.getElementById(id); };
  function text(tag, s, cls) { var n = document.createElement(tag); n.textContent = s; if (cls) n.className = cls; return n; }
  $("title").textContent = D.title;
  var counts = D.total + " حدثاً من " + D.articles + " مقالاً";
  if (D.held < D.total) counts += "؛ تعرض الصفحة أبرزها (" + D.held + ") ويبقى " + (D.total - D.held) +
    " حدثاً أقل انتشاراً في events.csv وtimeline.json";
  if (D.span[0]) counts += "؛ المقالات منشورة بين " + fmtDay(lo) + " و" + fmtDay(hi);
  $("counts").textContent = counts;
  D.outlets.map(function (name, i) { return [name, i]; })
    .sort(function (a, b) { return a[0] < b[0] ? -1 : (a[0] > b[0] ? 1 : 0); })
    .forEach(function (p) {
      var o = document.createElement("option");
      o.value = String(p[1]); o.textContent = p[0] + " (" + outletCount[p[1]] + ")";
      $("outlet").appendChild(o);
    });

  function filters() {
    var q = fold($("q").value).split(/\s+/).filter(Boolean);
    var from = $("from").value ? dayNum($("from").value) : null, to = $("to").value ? dayNum($("to").value) : null;
    var outlet = $("outlet").value === "" ? -1 : +$("outlet").value;
    var minsrc = Math.max(1, +$("minsrc").value || 1), grain = $("grain").value;
    return function (e) {
      if (e.n < minsrc || (grain && e.kind !== grain)) return false;
      if (from !== null && e.ld < from) return false;
      if (to !== null && e.fd > to) return false;
      if (outlet >= 0 && e.o.indexOf(outlet) < 0) return false;
      for (var i = 0; i < q.length; i++) if (e.hay.indexOf(q[i]) < 0) return false;
      return true;
    };
  }
  function inView(e) { return e.ld + 1 > state.view[0] && e.fd < state.view[1]; }

  // --- the chart ---------------------------------------------------------------------------------
  var canvas = document.createElement("canvas").getContext("2d");
  canvas.font = LABEL_FONT + "px " + FONT;
  function label(e) {
    var w = e.s.split(/\s+/).filter(Boolean), out = "";
    for (var i = 0; i < w.length && i < 6; i++) {
      var next = out ? out + " " + w[i] : w[i];
      if (next.length > 34 && out) break;
      out = next;
    }
    return out.length < e.s.length ? out + "…" : out;
  }
  function esc(s) { return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"); }
  function wrap(s, width) {
    var lines = [], cur = "";
    String(s).split(/\s+/).forEach(function (w) {
      if (cur && (cur + " " + w).length > width) { lines.push(cur); cur = w; } else cur = cur ? cur + " " + w : w;
    });
    if (cur) lines.push(cur);
    return lines;
  }
  function outletsOf(e, n) {
    var names = e.o.map(function (o) { return D.outlets[o]; });
    return names.slice(0, n).join("، ") + (names.length > n ? "…" : "");
  }
  function hover(e) {
    var out = ["<b>" + esc(fmtWhen(e)) + "</b>"];
    wrap(e.s, 60).slice(0, 5).forEach(function (l) { out.push(esc(l)); });
    out.push("عدد المصادر: " + e.n + (e.o.length ? " (" + esc(outletsOf(e, 5)) + ")" : ""));
    out.push("<i>انقر لرؤية المقالات</i>");
    return out.join("<br>");
  }

  function bins(width) {                    // density: days, weeks, months or years by the view's width
    if (width <= 120) return 1;
    if (width <= 900) return 7;
    if (width <= 20 * 366) return 30.44;
    return 365.25;
  }

  function layout(lanes) {
    return {
      height: HEIGHT, margin: MARGIN, showlegend: true, plot_bgcolor: "#fff", hovermode: "closest",
      font: {family: FONT, size: 13}, dragmode: "pan",
      legend: {orientation: "h", x: 1, xanchor: "right", y: 1.0, yanchor: "bottom", font: {size: 12}},
      hoverlabel: {align: "right", bgcolor: "#fff", font: {family: FONT, size: 13}, namelength: 0},
      xaxis: {type: "date", range: [xStr(state.view[0]), xStr(state.view[1])], showgrid: true, gridcolor: "#eee",
              anchor: "y2", autorange: false},
      yaxis: {domain: [BAND + 0.03, 1], range: [-0.6, lanes - 0.35], visible: false, fixedrange: true},
      yaxis2: {domain: [0, BAND], fixedrange: true, rangemode: "tozero", gridcolor: "#f3f3f3", tickfont: {size: 10},
               nticks: 4},
      annotations: [], uirevision: "keep"
    };
  }

  function draw() {
    var match = filters();
    state.matches = EV.filter(match);
    var visible = state.matches.filter(inView);
    var chart = $("chart");
    var W = Math.max(200, chart.clientWidth - MARGIN.l - MARGIN.r);
    var lanes = Math.max(3, Math.floor((HEIGHT - MARGIN.t - MARGIN.b) * (1 - BAND - 0.03) / LANE_PX));
    var v0 = state.view[0], v1 = state.view[1], scale = W / (v1 - v0);
    var px = function (x) { return (x - v0) * scale; };
    // the most salient events that fit, each in the lowest free lane (boxes never overlap)
    var taken = [];
    for (var k = 0; k < lanes; k++) taken.push([]);
    var placed = [], tried = 0, inViewSet = {};
    visible.forEach(function (e) { inViewSet[e.k] = true; });
    for (var r = 0; r < byRank.length && placed.length < MAX_LABELS && tried < 4000; r++) {
      var e = byRank[r];
      if (!inViewSet[e.k]) continue;
      tried++;
      var xs = Math.max(e.fd, v0), xe = Math.min(e.ld + 1, v1);
      var mid = e.kind === "day" ? e.fd + 0.5 : (xs + xe) / 2;
      var text_ = label(e), w = canvas.measureText(text_).width + 12;
      if (w > W) continue;
      var p = px(mid), a = p - w / 2, shift = 0;
      if (a < 0) shift = -a; else if (a + w > W) shift = W - (a + w);
      a += shift;
      var b = a + w;
      if (e.kind !== "day") { a = Math.min(a, px(xs)); b = Math.max(b, px(xe)); }
      a = Math.min(a, p - 8); b = Math.max(b, p + 8);
      for (var lane = lanes - 1; lane >= 0; lane--) {
        var row = taken[lane], free = true;
        for (var j = 0; j < row.length; j++) if (a < row[j][1] + 6 && row[j][0] < b + 6) { free = false; break; }
        if (free) {
          row.push([a, b]);
          placed.push({e: e, lane: lane, mid: mid, xs: xs, xe: xe, label: text_, shift: shift});
          break;
        }
      }
    }
    state.drawn = placed;
    var data = [];
    // density band: every matching event in view
    var step = bins(v1 - v0), counts = {}, keys = [];
    visible.forEach(function (e) {
      var at = e.kind === "day" ? e.fd : Math.floor((Math.max(e.fd, v0) + Math.min(e.ld + 1, v1)) / 2);
      var bin = step === 1 ? at : (step === 7 ? at - ((at + 3) % 7 + 7) % 7 : null);
      if (bin === null) {
        var pp = parts(at);
        bin = step < 100 ? dayNum(pad(pp[0], 4) + "-" + pad(pp[1], 2) + "-01") : dayNum(pad(pp[0], 4) + "-01-01");
      }
      if (!(bin in counts)) { counts[bin] = 0; keys.push(bin); }
      counts[bin] += 1;
    });
    keys.sort(function (a, b) { return a - b; });
    data.push({type: "bar", xaxis: "x", yaxis: "y2", x: keys.map(function (b) { return xStr(b + step / 2); }),
               y: keys.map(function (b) { return counts[b]; }), width: step * 86400000 * 0.9,
               marker: {color: "#9db7d3"}, name: "كل الأحداث المطابقة", hovertemplate: "%{y} حدثاً<extra></extra>",
               showlegend: false});
    ["month", "year"].forEach(function (kind) {
      var xs = [], ys = [];
      placed.forEach(function (p) {
        if (p.e.kind === kind) { xs.push(xStr(p.xs), xStr(p.xe), null); ys.push(p.lane, p.lane, null); }
      });
      if (xs.length) data.push({type: "scatter", mode: "lines", x: xs, y: ys, hoverinfo: "skip", showlegend: false,
                                line: {color: KINDS[kind][1], width: 7}, opacity: 0.35});
    });
    ["day", "month", "year"].forEach(function (kind) {
      var mine = placed.filter(function (p) { return p.e.kind === kind; });
      data.push({type: "scatter", mode: "markers", name: KINDS[kind][0],
                 x: mine.map(function (p) { return xStr(p.mid); }), y: mine.map(function (p) { return p.lane; }),
                 customdata: mine.map(function (p) { return [p.e.k, hover(p.e)]; }),
                 hovertemplate: "%{customdata[1]}<extra></extra>",
                 marker: {size: 10, color: mine.map(function (p) { return p.e === state.selected ? "#c0392b" : KINDS[kind][1]; }),
                          symbol: KINDS[kind][2], line: {width: 1, color: "#fff"}}});
    });
    var lay = layout(lanes);
    lay.annotations = placed.map(function (p) {
      return {x: xStr(p.mid), y: p.lane, xref: "x", yref: "y", text: esc(p.label), showarrow: false, yshift: 14,
              xshift: p.shift, font: {size: LABEL_FONT, family: FONT, color: "#222"}, bgcolor: "rgba(255,255,255,0.8)",
              captureevents: true, hovertext: esc(fmtWhen(p.e)), borderpad: 1};
    });
    Plotly.react(chart, data, lay, {displaylogo: false, responsive: true, scrollZoom: true, locale: "ar",
                                    modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d"]});
    $("shown").textContent = "في الرسم " + placed.length + " من " + visible.length +
      " حدثاً مطابقاً في هذا المدى" + (placed.length < visible.length ? "؛ قرّب لرؤية المزيد" : "");
    list(visible);
  }

  // --- the list and the details ----------------------------------------------------------------------
  function list(visible) {
    var sort = $("sort").value, rows = visible.slice();
    if (sort === "date") rows.sort(function (a, b) { return a.fd - b.fd || a.ld - b.ld || a.k - b.k; });
    else rows.sort(function (a, b) { return b.rank - a.rank || a.fd - b.fd || a.k - b.k; });
    $("nmatch").textContent = "(" + rows.length + " في هذا المدى، " + state.matches.length + " في كل التواريخ)";
    var ol = $("list");
    ol.textContent = "";
    rows.slice(0, state.shown).forEach(function (e) {
      var li = document.createElement("li");
      li.dataset.event = e.i;
      if (e === state.selected) li.className = "sel";
      li.appendChild(text("span", fmtWhen(e), "when"));
      li.appendChild(document.createTextNode(e.s));
      li.appendChild(text("span", "عدد المصادر: " + e.n + (e.o.length ? " · " + outletsOf(e, 6) : ""), "who"));
      li.addEventListener("click", function () { select(e); });
      ol.appendChild(li);
    });
    $("more").hidden = rows.length <= state.shown;
  }

  function link(doc) {
    var url = doc[3], t = doc[2] || doc[0];
    if (/^https?:\/\//i.test(url)) {
      var a = text("a", t, "t");
      a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
      return a;
    }
    return text("span", t, "t");
  }

  function select(e) {
    state.selected = e;
    var box = $("detail");
    box.textContent = "";
    box.appendChild(text("h3", fmtWhen(e), "when"));
    box.appendChild(text("p", e.s));
    var who = "عدد المقالات: " + e.n + " · عدد الإشارات إلى التاريخ: " + e.nm + (e.o.length ? " · المصادر: " + outletsOf(e, 20) : "");
    box.appendChild(text("p", who, "who"));
    if (e.w.length) {
      var why = "لماذا دُمجت: " + e.w.slice(0, 6).map(function (w) { return "«" + w[0] + "» (" + w[1] + ")"; }).join("؛ ");
      box.appendChild(text("p", why, "why"));
    } else if (e.nm > 1) {
      box.appendChild(text("p", "إشارات من مقال واحد إلى التاريخ نفسه", "why"));
    }
    var shown = {};
    e.x.forEach(function (x) {
      var doc = D.docs[x[0]], div = document.createElement("div");
      shown[x[0]] = true;
      div.className = "art";
      div.appendChild(link(doc));
      var meta = [doc[1] >= 0 ? D.outlets[doc[1]] : "", doc[4] ? fmtDay(dayNum(doc[4])) : "", doc[0]].filter(Boolean);
      div.appendChild(text("span", meta.join(" · "), "who"));
      var q = document.createElement("q");
      q.appendChild(document.createTextNode(x[1].slice(0, x[2])));
      q.appendChild(text("mark", x[1].slice(x[2], x[3])));
      q.appendChild(document.createTextNode(x[1].slice(x[3])));
      div.appendChild(q);
      box.appendChild(div);
    });
    var rest = e.d.filter(function (d) { return !shown[d]; });
    if (rest.length) {
      box.appendChild(text("p", "مقالات أخرى عن الحدث:", "why"));
      var ul = document.createElement("ul");
      rest.forEach(function (d) {
        var doc = D.docs[d], li = document.createElement("li");
        li.appendChild(link(doc));
        li.appendChild(text("span", [doc[1] >= 0 ? D.outlets[doc[1]] : "", doc[4]].filter(Boolean).join(" · "), "who"));
        ul.appendChild(li);
      });
      box.appendChild(ul);
      if (e.n > e.d.length) box.appendChild(text("p", "مقالات أخرى في timeline.json: " + (e.n - e.d.length), "why"));
    }
    if (!e.w.length && e.nm === 1) box.appendChild(text("p", "لم يُدمج مع غيره: لا يشترك ذكر آخر بتاريخ متوافق في ما يكفي من الكلمات المميزة", "why"));
    Array.prototype.forEach.call(document.querySelectorAll("#list li"), function (li) {
      li.className = li.dataset.event === e.i ? "sel" : "";
    });
    draw();
  }

  // --- wiring ------------------------------------------------------------------------------------------
  var pending = null;
  function later(fn, ms) { clearTimeout(pending); pending = setTimeout(fn, ms); }
  function refilter() { state.shown = PAGE; later(draw, 120); }
  ["q", "minsrc"].forEach(function (id) { $(id).addEventListener("input", refilter); });
  ["outlet", "grain", "sort"].forEach(function (id) { $(id).addEventListener("change", refilter); });
  ["from", "to"].forEach(function (id) {
    $(id).addEventListener("change", function () {
      var a = $("from").value ? dayNum($("from").value) : state.view[0];
      var b = $("to").value ? dayNum($("to").value) + 1 : state.view[1];
      if (b > a) state.view = [a, b];
      refilter();
    });
  });
  $("reset").addEventListener("click", function () {
    $("q").value = ""; $("from").value = ""; $("to").value = ""; $("outlet").value = ""; $("minsrc").value = "1";
    $("grain").value = ""; state.view = corpusView(); refilter();
  });
  $("more").addEventListener("click", function () { state.shown += PAGE; list(state.matches.filter(inView)); });
  Array.prototype.forEach.call(document.querySelectorAll("#ranges button"), function (b) {
    b.addEventListener("click", function () {
      if (b.dataset.span === "corpus") state.view = corpusView();
      else if (b.dataset.span === "all") {
        var m = state.matches.length ? state.matches : EV;
        state.view = [Math.min.apply(null, m.map(function (e) { return e.fd; })) - 1,
                      Math.max.apply(null, m.map(function (e) { return e.ld; })) + 2];
      } else state.view = [hi + 1 - (+b.dataset.days), hi + 1];
      Array.prototype.forEach.call(document.querySelectorAll("#ranges button"), function (o) { o.className = o === b ? "on" : ""; });
      refilter();
    });
  });

  var chart = $("chart");
  draw();
  chart.on("plotly_relayout", function (ev) {
    if (ev["xaxis.autorange"]) { state.view = corpusView(); later(draw, 60); return; }
    var r0 = ev["xaxis.range[0]"], r1 = ev["xaxis.range[1]"];
    if (ev["xaxis.range"]) { r0 = ev["xaxis.range"][0]; r1 = ev["xaxis.range"][1]; }
    if (r0 === undefined || r1 === undefined) return;
    var a = Math.max(xNum(r0), dayNum("0001-01-01")), b = Math.min(xNum(r1), dayNum("9999-12-31"));
    if (b - a < 0.5) return;
    state.view = [a, b];
    later(draw, 60);
  });
  chart.on("plotly_click", function (ev) {
    var p = ev.points && ev.points[0];
    if (p && p.customdata && typeof p.customdata[0] === "number") select(EV[p.customdata[0]]);
  });
  chart.on("plotly_clickannotation", function (ev) {
    var p = state.drawn[ev.index];
    if (p) select(p.e);
  });
  window.addEventListener("resize", function () { later(draw, 150); });
  window.timelinePage = {state: state, events: EV, fold: fold, draw: draw, select: select};
})();
