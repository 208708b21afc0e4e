// nabij: the little the pages need from JavaScript. Everything works without it.
"use strict";
(function () {
  // Leave the page for the unlock screen when the server's auto-lock has (almost surely)
  // happened, so journal content does not stay on screen in a forgotten tab.
  var idle = Number(document.body.dataset.idleSeconds || 0);
  var last = Date.now();
  var told = Date.now();
  function touch() {
    last = Date.now();
    // Typing is activity: tell the server now and then, so it does not lock mid-sentence.
    var token = document.querySelector("input[name=csrf_token]");
    if (idle > 0 && token && last - told > Math.min(60, idle / 3) * 1000) {
      told = last;
      fetch("/activity", { method: "POST", headers: { "X-CSRF-Token": token.value },
                           credentials: "same-origin" }).catch(function () {});
    }
  }
  ["keydown", "pointerdown", "input", "scroll"].forEach(function (name) {
    document.addEventListener(name, touch, { passive: true });
  });
  document.body.addEventListener("htmx:afterRequest", touch);
  if (idle > 0 && !document.querySelector("form[action='/unlock'], form[action='/create']")) {
    setInterval(function () {
      if (Date.now() - last <= (idle + 2) * 1000) { return; }
      // A form with something typed in it is posted instead: the locked server keeps it
      // for this browser and shows it again, filled in, after unlocking (nothing is lost).
      var draft = document.querySelector("form[action='/entries'], form[action='/reflections']");
      var typed = draft && Array.prototype.some.call(draft.querySelectorAll(
        "input[type=text], input:not([type]), textarea"), function (el) { return el.value.trim(); });
      if (typed) { last = Date.now(); draft.submit(); } else { window.location.assign("/unlock"); }
    }, 1000);
  }

  // The optional timer of a 36-questions set: count down what the server said is left.
  function startTimers() {
    document.querySelectorAll("[data-seconds-left]").forEach(function (el) {
      if (el.dataset.running) { return; }
      el.dataset.running = "1";
      var end = Date.now() + Number(el.dataset.secondsLeft) * 1000;
      var tick = function () {
        var left = Math.max(0, Math.round((end - Date.now()) / 1000));
        el.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
        if (left === 0) { el.classList.add("done"); return; }
        setTimeout(tick, 1000);
      };
      tick();
    });
  }
  startTimers();
  document.body.addEventListener("htmx:afterSwap", function () {
    startTimers();
    var heading = document.getElementById("question-text");
    if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
  });
})();
