// File inputs drawn by the page, not the browser: the native input is visually hidden (it keeps
// the focus, the keyboard and the form data) and its label, styled as a button, reads in the
// page's language. This script only names the chosen files, each isolated from the text around.
(function () {
  "use strict";
  function show(input) {
    var names = document.getElementById(input.id + "_chosen");
    if (!names) { return; }
    if (!names.hasAttribute("data-none")) { names.setAttribute("data-none", names.textContent); }
    var separator = document.documentElement.lang.indexOf("ar") === 0 ? "، " : ", ";
    names.textContent = "";
    if (!input.files || !input.files.length) {
      names.textContent = names.getAttribute("data-none");
      return;
    }
    Array.prototype.forEach.call(input.files, function (file, index) {
      if (index) { names.appendChild(document.createTextNode(separator)); }
      var name = document.createElement("bdi");
      name.textContent = file.name;
      names.appendChild(name);
    });
  }
  function init() {
    document.querySelectorAll(".file-picker__input").forEach(function (input) {
      if (input.hasAttribute("data-file-picker-ready")) { return; }
      input.setAttribute("data-file-picker-ready", "");
      input.addEventListener("change", function () { show(input); });
      show(input);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
