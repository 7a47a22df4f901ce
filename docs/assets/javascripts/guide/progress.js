// Progress where the reader browses: the "I have reviewed this question" control of each
// question page, and progress bars per topic on the home page and the topic pages.
// Both read the same stored progress as the flashcards.
(function () {
  "use strict";
  var guide = window.guide;
  var dom = guide.dom;
  var h = dom.h;
  var store = guide.store;

  function reviewToggle(root) {
    var id = root.getAttribute("data-question-id");
    var boxId = dom.uid("reviewed");
    var box = h("input", {
      type: "checkbox", id: boxId, class: "guide-review__box",
      onchange: function () {
        var checked = box.checked;
        store.update(function (draft) {
          if (checked) draft.reviewed[id] = Date.now();
          else delete draft.reviewed[id];
        });
      }
    });
    var status = h("p", { class: "guide-review__status" });
    root.textContent = "";
    dom.append(root, [
      h("p", { class: "guide-review__control" }, [
        box, h("label", { for: boxId, text: "I have reviewed this question" })
      ]),
      status
    ]);
    dom.storageNotice(store.takeNotice());

    function render(state) {
      var at = state.reviewed[id];
      var card = state.cards[id];
      box.checked = Boolean(at);
      var parts = [];
      if (at) parts.push("Marked on " + dom.date(at) + ".");
      if (card) {
        parts.push("Flashcards: next review " +
          (card.due <= Date.now() ? "now" : "on " + dom.date(card.due)) + ".");
      }
      status.textContent = parts.join(" ");
      status.hidden = !parts.length;
    }
    store.subscribe(root, render);
    render(store.get());
  }

  function topicProgress(root) {
    var only = root.getAttribute("data-topic");
    guide.bank.load().then(function (bank) {
      if (!root.isConnected) return;
      var topics = bank.topics.filter(function (t) { return !only || t.id === only; });
      if (!topics.length) return; // a topic without questions has nothing to track
      root.textContent = "";
      var list = h("ul", { class: "guide-bars" });
      var rows = topics.map(function (topic) {
        var row = bar(topic, bank, !only);
        list.appendChild(row.element);
        return row;
      });
      if (only) {
        root.appendChild(list);
      } else {
        dom.append(root, [
          h("h2", { id: "your-progress", text: "Your progress" }),
          h("p", {}, [
            "Questions you marked as reviewed or practised, per topic. Test yourself with ",
            h("a", { href: new URL("practice/", guide.root).href, text: "flashcards" }),
            " or a ",
            h("a", { href: new URL("mock-interview/", guide.root).href,
              text: "mock interview" }),
            ". Your progress stays in this browser."
          ]),
          list
        ]);
      }
      dom.storageNotice(store.takeNotice());
      function render(state) {
        rows.forEach(function (row) { row.update(state); });
      }
      store.subscribe(root, render);
      render(store.get());
    }, function (error) {
      // The bars are an extra on a page that works without them.
      if (window.console) console.warn("progress bars:", error.message);
    });
  }

  function bar(topic, bank, linked) {
    var ids = bank.questions.filter(function (q) { return q.topic.id === topic.id; })
      .map(function (q) { return q.id; });
    var nameId = dom.uid("topic");
    var countId = dom.uid("count");
    var name = linked
      ? h("a", { href: new URL(topic.url, guide.root).href, text: topic.title })
      : "Your progress in " + topic.title;
    var meter = h("progress", {
      max: ids.length, value: 0, "aria-labelledby": nameId + " " + countId,
      "data-topic": topic.id
    });
    var count = h("span", { class: "guide-bar__count", id: countId });
    return {
      element: h("li", { class: "guide-bar" }, [
        h("span", { class: "guide-bar__name", id: nameId }, [name]), meter, count
      ]),
      update: function (state) {
        var reviewed = 0;
        var known = 0;
        ids.forEach(function (id) {
          if (state.reviewed[id]) reviewed += 1;
          if (guide.srs.isWellKnown(state.cards[id])) known += 1;
        });
        meter.value = reviewed;
        meter.textContent = reviewed + "/" + ids.length;
        count.textContent = reviewed + " of " + ids.length + " reviewed" +
          (known ? ", " + known + " well known" : "");
      }
    };
  }

  guide.widgets["review-toggle"] = reviewToggle;
  guide.widgets["topic-progress"] = topicProgress;
})();
