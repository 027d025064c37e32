// Pathfinder Workshop: keeps a page of the shared draft up to date. The page works without this
// script; with it, the page asks every few seconds whether the draft changed, and reloads when it
// did (never while something is being typed). No other script runs on these pages.
(function () {
  "use strict";
  var root = document.documentElement;
  var seen = root.getAttribute("data-version");
  var url = root.getAttribute("data-version-url");
  if (!seen || !url) {
    return;
  }
  var failures = 0;
  var timer = null;

  function typing() {
    var fields = document.querySelectorAll("textarea, input[type=text], input[type=search], input:not([type])");
    for (var i = 0; i < fields.length; i += 1) {
      if (fields[i].value && fields[i].value !== fields[i].defaultValue) {
        return true;
      }
    }
    return false;
  }

  function stopped() {
    window.clearInterval(timer);
    if (document.querySelector(".stopped")) {
      return;
    }
    var note = document.createElement("p");
    note.className = "stopped";
    note.setAttribute("role", "status");
    note.textContent = root.getAttribute("data-stopped") || "";
    document.body.insertBefore(note, document.body.firstChild);
  }

  function check() {
    if (document.hidden) {
      return;
    }
    var request = new XMLHttpRequest();
    request.open("GET", url, true);
    request.timeout = 3000;
    request.onload = function () {
      if (request.status === 200) {
        failures = 0;
        if (request.responseText.trim() !== seen && !typing()) {
          window.location.reload();
        }
      } else if (request.status === 404) {
        stopped();  // a new sharing session, or none
      }
    };
    request.onerror = request.ontimeout = function () {
      failures += 1;
      if (failures >= 5) {
        stopped();
      }
    };
    request.send();
  }

  timer = window.setInterval(check, 3500);
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) {
      check();
    }
  });
}());
