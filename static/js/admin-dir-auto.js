// Text fields in the Wagtail admin follow the direction of what is typed (Arabic or English).
(function () {
  function mark(root) {
    root.querySelectorAll('input[type="text"], textarea, [contenteditable="true"]').forEach(function (el) {
      if (!el.hasAttribute("dir")) el.setAttribute("dir", "auto");
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    mark(document);
    new MutationObserver(function () { mark(document); }).observe(document.body, { childList: true, subtree: true });
  });
})();
