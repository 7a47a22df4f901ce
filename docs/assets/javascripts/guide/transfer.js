// Moving progress between devices and starting over: export it as a JSON file (the
// flashcard schedule, the reviewed marks and the study plan's settings), import such a
// file, or reset it. Import and reset ask first, on the page itself.
(function () {
  "use strict";
  var guide = window.guide;
  var dom = guide.dom;
  var h = dom.h;
  var store = guide.store;

  function summary(state) {
    var reviewed = Object.keys(state.reviewed).length;
    var scheduled = Object.keys(state.cards).length;
    if (!reviewed && !scheduled && !state.plan) return "Nothing saved yet.";
    return "Saved in this browser: " + dom.plural(reviewed, "question") + " marked as " +
      "reviewed, " + dom.plural(scheduled, "flashcard") + " on the schedule" +
      (state.plan ? ", a study plan for an interview on " + state.plan.date : "") + ".";
  }

  function mount(root) {
    root.textContent = "";
    var status = h("p", { class: "guide-transfer__summary" });
    var message = h("p", { class: "guide-transfer__message", role: "status" });
    var file = h("input", {
      type: "file", accept: ".json,application/json", class: "guide-transfer__file",
      hidden: true, "aria-hidden": "true", tabindex: "-1", onchange: imported
    });
    var exportButton = h("button", {
      type: "button", class: "md-button guide-button", onclick: download
    }, ["Export progress"]);
    var importButton = h("button", {
      type: "button", class: "md-button guide-button",
      onclick: function () { file.value = ""; file.click(); }
    }, ["Import progress\u2026"]);
    var resetButton = h("button", {
      type: "button", class: "md-button guide-button", onclick: askReset
    }, ["Reset progress\u2026"]);
    var confirmBox = h("div", { class: "guide-confirm", hidden: true });
    dom.append(root, [
      status,
      h("div", { class: "guide-transfer__actions" }, [exportButton, importButton, resetButton]),
      file, confirmBox, message
    ]);
    dom.storageNotice(store.takeNotice());

    function render(state) {
      status.textContent = summary(state);
    }
    store.subscribe(root, render);
    render(store.get());

    function say(text) {
      message.textContent = text;
    }

    function download() {
      var out = store.exportFile();
      var link = h("a", {
        href: URL.createObjectURL(new Blob([out.text], { type: "application/json" })),
        download: out.name, hidden: true
      });
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 0);
      say("Exported to " + out.name + ".");
    }

    // An inline question instead of window.confirm: it can be styled, read by screen
    // readers in place, and answered from the keyboard without a modal dialog.
    function ask(question, yes, onYes, returnFocus) {
      confirmBox.textContent = "";
      var cancel = h("button", {
        type: "button", class: "md-button guide-button",
        onclick: function () { close(); say("Nothing changed."); returnFocus.focus(); }
      }, ["Cancel"]);
      var confirm = h("button", {
        type: "button", class: "md-button md-button--primary guide-button",
        onclick: function () { close(); onYes(); returnFocus.focus(); }
      }, [yes]);
      var text = h("p", { id: dom.uid("confirm"), text: question });
      confirmBox.setAttribute("role", "group");
      confirmBox.setAttribute("aria-labelledby", text.id);
      dom.append(confirmBox, [text, h("div", { class: "guide-transfer__actions" },
        [confirm, cancel])]);
      confirmBox.hidden = false;
      confirm.focus();
    }

    function close() {
      confirmBox.hidden = true;
      confirmBox.textContent = "";
    }

    function askReset() {
      ask("Delete your flashcard schedule, reviewed marks and study plan from this browser? " +
        "Export them first if you may want them back.", "Yes, reset my progress",
      function () {
        store.reset();
        say("Your progress was reset.");
      }, resetButton);
    }

    function imported() {
      var chosen = file.files && file.files[0];
      if (!chosen) return;
      Promise.all([chosen.text(), guide.bank.load()]).then(function (results) {
        var incoming;
        try {
          incoming = store.parseImport(results[0]);
        } catch (error) {
          say("Not imported: " + error.message + ".");
          return;
        }
        var bank = results[1];
        var gone = 0;
        ["cards", "reviewed"].forEach(function (part) {
          Object.keys(incoming.state[part]).forEach(function (id) {
            if (!bank.byId[id]) {
              delete incoming.state[part][id];
              gone += 1;
            }
          });
        });
        if (incoming.state.plan && !bank.trackById[incoming.state.plan.track]) {
          incoming.state.plan = null;
          gone += 1;
        }
        var note = (incoming.dropped ? " " + dom.plural(incoming.dropped, "unreadable entry",
          "unreadable entries") + " skipped." : "") +
          (gone ? " " + dom.plural(gone, "entry", "entries") +
            " for questions or tracks no longer in the guide skipped." : "");
        var apply = function () {
          store.replace(incoming.state);
          say("Imported " + chosen.name + "." + note);
        };
        if (store.isEmpty()) {
          apply();
        } else {
          var exportedAt = Date.parse(incoming.exported || "");
          var from = isNaN(exportedAt) ? "" : " (exported " + dom.date(exportedAt) + ")";
          ask("Replace the progress saved in this browser with the progress in " +
            chosen.name + from + "?", "Yes, replace it", apply, importButton);
        }
      }, function (error) {
        say("Not imported: the file could not be read (" + error.message + ").");
      });
    }
  }

  guide.widgets["progress-transfer"] = mount;
})();
