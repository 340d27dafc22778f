// The questionnaire form's behaviour: language switch, progress, saving
// in the browser (localStorage), and the answers file to download. No
// network: everything happens in this page.
(function () {
  "use strict";
  var form = document.getElementById("form");
  var formID = form.dataset.formId;
  var key = "revopsdx-form-" + formID;
  var questions = Array.prototype.map.call(document.querySelectorAll("fieldset.q"), function (f) { return f.dataset.q; });
  var lang = form.dataset.lang;

  function setLang(l) {
    lang = l;
    document.documentElement.className = "l-" + l;
    document.documentElement.lang = l;
    Array.prototype.forEach.call(document.querySelectorAll("option[data-es]"), function (o) {
      o.textContent = o.dataset[l];
    });
    save();
  }

  function picked(id) {
    var r = document.querySelector('input[name="q-' + id + '"]:checked');
    return r ? r.value : "";
  }

  // shown mirrors diagnostic.Questionnaire.Shown: a gated question is asked
  // unless its gate (or the gate's gate) is answered 1–5 outside its range;
  // a gate unanswered, "not applicable" or "don't know" shows it.
  function shown(id) {
    var f = document.getElementById("q-" + id);
    for (var depth = 0; f && f.dataset.gate && depth < questions.length; depth++) {
      var v = parseInt(picked(f.dataset.gate), 10);
      var min = parseInt(f.dataset.min || "0", 10), max = parseInt(f.dataset.max || "0", 10);
      if (v >= 1 && v <= 5 && ((min > 0 && v < min) || (max > 0 && v > max))) { return false; }
      f = document.getElementById("q-" + f.dataset.gate);
    }
    return true;
  }

  // gates hides the questions their gates rule out (their answers are kept
  // in the page but left out of the file, as the app would not ask them).
  function gates() {
    questions.forEach(function (id) { document.getElementById("q-" + id).hidden = !shown(id); });
  }

  // answers builds the answers file (docs/QUESTIONNAIRE.md) with the
  // form's stamp: 1–5 by question id; null for "not applicable",
  // "dont_know" for "don't know"; unanswered questions left out.
  function answers() {
    var a = {};
    questions.forEach(function (id) {
      var v = picked(id);
      if (v === "" || !shown(id)) { return; }
      a[id] = v === "na" ? null : (v === "dk" ? "dont_know" : parseInt(v, 10));
    });
    return {
      form: { id: formID, questionnaire_version: form.dataset.version, language: lang },
      respondents: [{
        name: document.getElementById("name").value.trim(),
        department: document.getElementById("department").value,
        answers: a
      }]
    };
  }
  window.revopsdxAnswers = answers;

  function progress() {
    var asked = questions.filter(shown);
    var n = asked.filter(function (id) { return picked(id) !== ""; }).length;
    document.getElementById("count").textContent = String(n);
    document.getElementById("total").textContent = String(asked.length);
    document.getElementById("bar").max = asked.length;
    document.getElementById("bar").value = n;
    return n;
  }

  function save() {
    var state = { lang: lang, name: document.getElementById("name").value, department: document.getElementById("department").value, picked: {} };
    questions.forEach(function (id) { var v = picked(id); if (v !== "") { state.picked[id] = v; } });
    try { localStorage.setItem(key, JSON.stringify(state)); } catch (e) { /* private mode: the form still works, unsaved */ }
    gates();
    progress();
  }

  function restore() {
    var state = null;
    try { state = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { state = null; }
    if (!state) { return; }
    if (state.name) { document.getElementById("name").value = state.name; }
    if (state.department) { document.getElementById("department").value = state.department; }
    Object.keys(state.picked || {}).forEach(function (id) {
      var r = document.querySelector('input[name="q-' + id + '"][value="' + state.picked[id] + '"]');
      if (r) { r.checked = true; }
    });
    if (state.lang === "es" || state.lang === "en") { lang = state.lang; }
  }

  function download() {
    var data = answers();
    var need = document.getElementById("need-dept");
    need.hidden = data.respondents[0].department !== "";
    if (!need.hidden) { document.getElementById("department").focus(); return; }
    var text = JSON.stringify(data, null, 1);
    var a = document.createElement("a");
    var who = data.respondents[0].name.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "") || "form";
    a.href = "data:application/json;charset=utf-8," + encodeURIComponent(text);
    a.download = (lang === "es" ? "respuestas-" : "answers-") + who + "-" + formID + ".json";
    document.body.appendChild(a);
    a.click();
    a.remove();
    document.getElementById("saved").hidden = false;
  }

  document.addEventListener("change", save);
  document.getElementById("name").addEventListener("input", save);
  Array.prototype.forEach.call(document.querySelectorAll("[data-set-lang]"), function (b) {
    b.addEventListener("click", function () { setLang(b.dataset.setLang); });
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-clear]"), function (b) {
    b.addEventListener("click", function () {
      var r = document.querySelector('input[name="q-' + b.dataset.clear + '"]:checked');
      if (r) { r.checked = false; }
      save();
    });
  });
  document.getElementById("download").addEventListener("click", download);
  restore();
  setLang(lang);
})();
