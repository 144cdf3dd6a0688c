// Live word count of the review form's answers. Counts exactly as reviews/template.py does:
// split on the same white space, count the pieces holding a letter or a digit.
(function () {
  "use strict";
  var WHITESPACE = /[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
  var WORDLIKE = /[\p{L}\p{N}]/u;

  function countWords(text) {
    var pieces = String(text || "").split(WHITESPACE);
    var count = 0;
    for (var i = 0; i < pieces.length; i++) {
      if (WORDLIKE.test(pieces[i])) { count++; }
    }
    return count;
  }
  window.hubCountWords = countWords;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) {
      return key in values ? String(values[key]) : match;
    });
  }

  function update(output) {
    var field = document.getElementById(output.getAttribute("data-count-for"));
    var limit = parseInt(field.getAttribute("data-word-limit"), 10);
    var count = countWords(field.value);
    var over = count > limit;
    output.textContent = fill(output.getAttribute(over ? "data-template-over" : "data-template-ok"),
      {count: count, limit: limit, over: count - limit});
    output.classList.toggle("word-count--over", over);
    field.setAttribute("aria-invalid", over ? "true" : "false");
    return {field: field, count: count, limit: limit, over: over};
  }

  document.addEventListener("DOMContentLoaded", function () {
    var outputs = document.querySelectorAll("[data-count-for]");
    outputs.forEach(function (output) {
      var field = document.getElementById(output.getAttribute("data-count-for"));
      field.setAttribute("aria-describedby", output.id);
      field.addEventListener("input", function () { update(output); });
      update(output);
    });
    var form = document.querySelector(".review-form");
    var blocked = document.getElementById("review-form-blocked");
    if (!form || !blocked) { return; }
    form.addEventListener("submit", function (event) {
      var submitter = event.submitter;
      if (!submitter || !submitter.hasAttribute("data-submit-review")) { return; }
      for (var i = 0; i < outputs.length; i++) {
        var state = update(outputs[i]);
        if (state.over) {
          event.preventDefault();
          var legend = state.field.closest("fieldset").querySelector("legend").textContent;
          var match = legend.match(/^(\d+)\.\s*(.*)$/);
          blocked.textContent = fill(blocked.getAttribute("data-template"), {
            number: match ? match[1] : "", title: match ? match[2] : legend,
            count: state.count, limit: state.limit
          });
          blocked.hidden = false;
          state.field.focus();
          return;
        }
      }
      blocked.hidden = true;
    });
  });
})();
