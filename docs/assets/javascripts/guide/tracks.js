// The study-track widgets: the reader's progress on a track, the plan to the interview date
// on a track's page (plan.js computes it, ics.js makes its calendar file), and today's list
// on the home page. Everything is recomputed from the stored progress whenever it changes.
(function () {
  "use strict";
  var guide = window.guide;
  var dom = guide.dom;
  var h = dom.h;
  var store = guide.store;
  var DEFAULT_MINUTES = 45;

  function trackIds(track) {
    return guide.bank.trackIds(track);
  }

  // "2026-12-22" -> "Tue, 22 Dec 2026" in the reader's language.
  function dayLabel(date) {
    var p = date.split("-").map(Number);
    return dom.date(new Date(p[0], p[1] - 1, p[2]).getTime());
  }

  function pageUrl(path) {
    return new URL(path, guide.root).href;
  }

  function questionLink(bank, id) {
    var q = bank.byId[id];
    return h("a", { href: pageUrl(q.url), text: q.title });
  }

  function minutesOf(bank) {
    var out = {};
    bank.questions.forEach(function (q) {
      out[q.id] = typeof q.study_minutes === "number" ? q.study_minutes : 10;
    });
    return out;
  }

  // The plan for `settings` ({track, date, minutes}) from the progress, now.
  function compute(bank, track, state, settings) {
    return guide.plan.compute({
      cards: state.cards,
      track: track,
      minutes: minutesOf(bank),
      reviewMinutes: bank.studyTime.review_minutes,
      intervals: guide.srs.INTERVAL_DAYS,
      date: settings.date,
      perDay: settings.minutes,
      now: Date.now()
    });
  }

  function duration(minutes) {
    var hours = Math.floor(minutes / 60);
    var rest = minutes % 60;
    if (!hours) return rest + " min";
    return hours + " h" + (rest ? " " + rest + " min" : "");
  }

  function join(nodes, last) {
    var out = [];
    nodes.forEach(function (node, i) {
      if (i) out.push(i === nodes.length - 1 ? (last || " and ") : ", ");
      out.push(node);
    });
    return out;
  }

  function practiceLink(track, text) {
    return h("a", { href: pageUrl("practice/?track=" + encodeURIComponent(track.id)),
      text: text });
  }

  // --- today's list (track page and home page) ---------------------------------------

  function todayItems(bank, day) {
    var items = [];
    day.doneStart.forEach(function (id) {
      items.push(h("li", { class: "guide-plan__item guide-plan__item--done" }, [
        h("span", { class: "guide-plan__tag", text: "Started" }), questionLink(bank, id)
      ]));
    });
    day.doneReview.forEach(function (id) {
      items.push(h("li", { class: "guide-plan__item guide-plan__item--done" }, [
        h("span", { class: "guide-plan__tag", text: "Reviewed" }), questionLink(bank, id)
      ]));
    });
    day.review.forEach(function (id) {
      items.push(h("li", { class: "guide-plan__item" }, [
        h("span", { class: "guide-plan__tag", text: "Review" }), questionLink(bank, id)
      ]));
    });
    day.start.forEach(function (id) {
      var q = bank.byId[id];
      items.push(h("li", { class: "guide-plan__item" }, [
        h("span", { class: "guide-plan__tag", text: "Start" }), questionLink(bank, id),
        " (" + q.topic.title + ", " + duration(q.study_minutes) + ")"
      ]));
    });
    return items;
  }

  function todayBlock(bank, track, p, headingLevel, withId) {
    var day = p.todayList;
    var parts = [h(headingLevel, { id: withId ? "today" : null, tabindex: "-1",
      text: "Today, " + dayLabel(p.todayDate) })];
    var todo = day.start.length + day.review.length;
    var done = day.doneStart.length + day.doneReview.length;
    if (!todo && !done) {
      var next = p.days.filter(function (d) { return d.start.length || d.review.length; })[0];
      parts.push(h("p", { text: "Nothing to do today." +
        (next ? " Next: " + dayLabel(next.date) + "." : "") }));
      return parts;
    }
    var counts = [];
    if (day.start.length) counts.push(dom.plural(day.start.length, "question") + " to start");
    if (day.review.length) counts.push(dom.plural(day.review.length, "review"));
    if (done) counts.push(done + " done");
    parts.push(h("p", { class: "guide-plan__summary", text: counts.join(", ") +
      ": about " + duration(day.minutes) + " in all." }));
    parts.push(h("ul", { class: "guide-plan__today" }, todayItems(bank, day)));
    if (todo) {
      parts.push(h("p", {}, [
        practiceLink(track, "Practise them as flashcards"),
        ": reviews come first, then the new questions in the track's order."
      ]));
    } else {
      parts.push(h("p", { text: "All done for today." }));
    }
    return parts;
  }

  // --- the status of a plan, in words ---------------------------------------------------

  function statusBlock(bank, track, p) {
    var core = p.stages[p.coreStage];
    var coreCount = core.started.length + core.planned.length + core.leftOut.length;
    var total = trackIds(track).length;
    var date = dayLabel(p.date);
    if (p.status === "past") {
      return [h("div", { class: "guide-notice guide-plan__status", role: "alert" }, [
        h("p", {}, [h("strong", { text: "Your interview date, " + date + ", is today or " +
          "has passed," }), " so there is nothing left to plan. Set a new date above, or " +
          "remove the plan."])
      ])];
    }
    if (p.status === "short") {
      var short = p.coreShort.length;
      var nonCore = p.leftOut.filter(function (id) {
        return p.outcome[id].stage !== p.coreStage;
      });
      var coreOut = core.leftOut;
      var lines = [
        h("p", {}, [h("strong", { text: "The time is too short." }), " " +
          dom.plural(p.daysLeft, "day") + " at " + p.perDay + " minutes a day cannot bring " +
          (short === coreCount ? "any of the " + coreCount : short + " of the " + coreCount) +
          " core questions back for review twice before " + date + "."])
      ];
      var enough = [];
      if (p.advice && p.advice.minutes) {
        enough.push(p.advice.minutes + " minutes a day");
      }
      if (p.advice && p.advice.date) {
        enough.push("an interview on " + dayLabel(p.advice.date) + " or later at " +
          p.perDay + " minutes a day");
      }
      if (enough.length) {
        lines.push(h("p", { text: "Enough would be " + enough.join(", or ") + "." }));
      } else {
        lines.push(h("p", { text: "No number of minutes a day is enough: a question " +
          "needs " + p.minimumDays + " days from its first study to come back twice." }));
      }
      lines.push(h("p", {}, [
        h("strong", { text: "What to drop:" }),
        " the plan leaves out the strong and stand-out stages (" +
          dom.plural(nonCore.length, "question") + ") and starts the core as early as it can" +
          (coreOut.length ? "; even so, " + dom.plural(coreOut.length, "core question") +
            " do not fit at all: " : ".")
      ].concat(coreOut.length ? join(coreOut.map(function (id) {
        return questionLink(bank, id);
      })).concat(["."]) : [])));
      return [h("div", { class: "guide-notice guide-plan__status", role: "alert" }, lines)];
    }
    var covered = total - p.leftOut.length;
    var parts = [h("p", { class: "guide-plan__status" }, [
      h("strong", { text: dom.plural(p.daysLeft, "day") + " to your interview on " + date +
        ", " + p.perDay + " minutes a day." }),
      " Every core question comes back for review at least twice before then. " +
        (p.leftOut.length ? "The plan covers the first " + covered + " of the track's " +
          total + " questions; the last " + dom.plural(p.leftOut.length, "question") +
          " do not fit and are left out." : "The plan covers all " + total + " questions " +
          "of the track.")
    ])];
    if (p.leftOut.length) {
      parts.push(h("details", { class: "guide-plan__left-out" }, [
        h("summary", { text: "Left out: " + dom.plural(p.leftOut.length, "question") }),
        h("ul", {}, p.leftOut.map(function (id) { return h("li", {}, [questionLink(bank, id)]); }))
      ]));
    }
    return parts;
  }

  function daysBlock(bank, p) {
    var busy = p.days.filter(function (d) { return d.start.length || d.review.length ||
      d.doneStart.length || d.doneReview.length; });
    var list = h("ol", { class: "guide-plan__days" }, busy.map(function (day) {
      var parts = [h("strong", { text: dayLabel(day.date) }), ": "];
      if (day.start.length) {
        parts.push("start ");
        parts = parts.concat(join(day.start.map(function (id) { return questionLink(bank, id); })));
        parts.push(day.review.length ? "; " : "");
      }
      if (day.review.length) {
        parts.push(dom.plural(day.review.length, "review"));
      }
      if (!day.start.length && !day.review.length) parts.push("done");
      parts.push(" (about " + duration(day.minutes) + ").");
      return h("li", {}, parts);
    }));
    return h("details", { class: "guide-plan__all" }, [
      h("summary", { text: "Day by day: " + dom.plural(busy.length, "day") + " with " +
        "something to do, up to " + dayLabel(p.lastDay) }),
      list
    ]);
  }

  // --- the plan widget on a track's page -------------------------------------------------

  function trackPlan(root) {
    guide.bank.mount(root, buildPlan);
  }

  function isoToday(offset) {
    return guide.plan.dateOf(guide.plan.dayNumber(Date.now()) + (offset || 0));
  }

  function buildPlan(root, bank) {
    var track = bank.trackById[root.getAttribute("data-track")];
    root.textContent = "";
    if (!track) {
      root.appendChild(h("p", { class: "guide-notice", text: "This track is not in the " +
        "guide's data any more, so it cannot be planned." }));
      return;
    }
    var dateId = dom.uid("interview-date");
    var minutesId = dom.uid("minutes");
    var hintId = dom.uid("plan-hint");
    var dateInput = h("input", { type: "date", id: dateId, name: "date", required: true,
      "aria-describedby": hintId });
    var minutesInput = h("input", { type: "number", id: minutesId, name: "minutes",
      min: store.MIN_MINUTES, max: store.MAX_MINUTES, step: 5, required: true,
      inputmode: "numeric" });
    var other = h("p", { class: "guide-plan__other" });
    var submit = h("button", { type: "submit",
      class: "md-button md-button--primary guide-button" }, ["Make my plan"]);
    var error = h("p", { class: "guide-plan__error", role: "alert" });
    var form = h("form", { class: "guide-plan__form", novalidate: true, onsubmit: save }, [
      h("div", { class: "guide-filters guide-filters--plain" }, [
        h("div", { class: "guide-filters__field" }, [
          h("label", { for: dateId, text: "Date of your interview" }), dateInput
        ]),
        h("div", { class: "guide-filters__field" }, [
          h("label", { for: minutesId, text: "Minutes a day" }), minutesInput
        ])
      ]),
      h("p", { id: hintId, class: "guide-plan__hint", text: "The plan runs from today to " +
        "the day before your interview." }),
      other, error, submit
    ]);
    var output = h("div", { class: "guide-plan__output" });
    var live = dom.liveRegion();
    dom.append(root, [form, output, live]);
    dom.storageNotice(store.takeNotice());
    var scrolled = false;

    function save(event) {
      event.preventDefault();
      var date = dateInput.value;
      var minutes = Number(minutesInput.value);
      if (!store.isDate(date)) {
        error.textContent = "Enter the date of your interview.";
        dateInput.focus();
        return;
      }
      if (date <= isoToday()) {
        error.textContent = "The interview date must be after today.";
        dateInput.focus();
        return;
      }
      if (!(Math.floor(minutes) === minutes && minutes >= store.MIN_MINUTES &&
            minutes <= store.MAX_MINUTES)) {
        error.textContent = "Enter the minutes a day as a whole number from " +
          store.MIN_MINUTES + " to " + store.MAX_MINUTES + ".";
        minutesInput.focus();
        return;
      }
      error.textContent = "";
      store.update(function (draft) {
        draft.plan = { track: track.id, date: date, minutes: minutes, set: Date.now() };
      });
      dom.announce(live, "Plan made for " + dayLabel(date) + ". " +
        (output.querySelector(".guide-plan__status") || output).textContent);
    }

    function remove() {
      store.update(function (draft) { draft.plan = null; });
      dom.announce(live, "The plan was removed.");
      dateInput.focus();
    }

    function download(p) {
      var host = guide.root.hostname || "localhost";
      var text = guide.ics.fromPlan(p, {
        trackTitle: track.title,
        trackUrl: pageUrl(track.url),
        host: host,
        titleOf: function (id) { return bank.byId[id].title; },
        urlOf: function (id) { return pageUrl(bank.byId[id].url); }
      }, Date.now());
      var name = "study-plan-" + track.id + "-" + p.date + ".ics";
      var link = h("a", {
        href: URL.createObjectURL(new Blob([text], { type: "text/calendar" })),
        download: name, hidden: true
      });
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 0);
      dom.announce(live, "Downloaded " + name + ".");
    }

    function render(state) {
      var settings = state.plan;
      var mine = settings && settings.track === track.id;
      dateInput.min = isoToday(1);
      if (mine) {
        dateInput.value = settings.date;
        minutesInput.value = settings.minutes;
      } else if (!minutesInput.value) {
        minutesInput.value = settings ? settings.minutes : DEFAULT_MINUTES;
      }
      submit.textContent = mine ? "Update my plan" : "Make my plan";
      var otherTrack = settings && !mine && bank.trackById[settings.track];
      other.textContent = otherTrack ? "You have a plan for the " + otherTrack.title +
        " track (interview on " + dayLabel(settings.date) + "). Making one here replaces it." : "";
      other.hidden = !otherTrack;
      output.textContent = "";
      if (!mine) return;
      var p = compute(bank, track, state, settings);
      var parts = [h("h3", { text: "Your plan" })].concat(statusBlock(bank, track, p));
      if (p.status !== "past" && p.status !== "invalid") {
        parts = parts.concat(todayBlock(bank, track, p, "h3", true));
        parts.push(daysBlock(bank, p));
      }
      parts.push(h("div", { class: "guide-transfer__actions" }, [
        p.days.length ? h("button", {
          type: "button", class: "md-button guide-button",
          onclick: function () { download(compute(bank, track, store.get(), settings)); }
        }, ["Download as a calendar (.ics)"]) : null,
        h("button", { type: "button", class: "md-button guide-button", onclick: remove },
          ["Remove the plan"])
      ]));
      dom.append(output, parts);
      if (!scrolled && window.location.hash === "#today") {
        scrolled = true;
        var today = output.querySelector("#today");
        if (today) today.scrollIntoView();
      }
    }
    store.subscribe(root, render);
    render(store.get());
  }

  // --- today's list on the home page -----------------------------------------------------

  function todayPlan(root) {
    root.textContent = "";
    var shown = false;
    function render(state) {
      var settings = state.plan;
      if (!settings) {
        root.textContent = "";
        return;
      }
      guide.bank.load().then(function (bank) {
        if (!root.isConnected) return;
        var now = store.get().plan;
        var track = now && bank.trackById[now.track];
        root.textContent = "";
        if (!track) return;
        var p = compute(bank, track, store.get(), now);
        var parts = [
          h("h2", { id: "todays-plan", text: "Your study plan for today" }),
          h("p", {}, [
            "For your ", h("a", { href: pageUrl(track.url), text: track.title }),
            " interview on " + dayLabel(now.date) + ". ",
            p.status === "short" ? h("strong", { text: "The time is too short: see " +
              "the plan for what to drop." }) : null,
            p.status === "past" ? h("strong", { text: "The date has passed: set a new one." })
              : null
          ])
        ];
        if (p.todayList) parts = parts.concat(todayBlock(bank, track, p, "h3", false));
        parts.push(h("p", {}, [h("a", { href: pageUrl(track.url + "#plan"),
          text: "Your whole plan" })]));
        dom.append(root, parts);
        if (!shown) {
          shown = true;
          dom.storageNotice(store.takeNotice());
        }
      }, function (error) {
        if (window.console) console.warn("study plan:", error.message);
      });
    }
    store.subscribe(root, render);
    render(store.get());
  }

  // --- the reader's progress on a track ------------------------------------------------

  function trackProgress(root) {
    var id = root.getAttribute("data-track");
    guide.bank.load().then(function (bank) {
      var track = bank.trackById[id];
      if (!root.isConnected || !track) return;
      function render(state) {
        var ids = trackIds(track);
        var practised = ids.some(function (q) { return state.reviewed[q] || state.cards[q]; });
        root.textContent = "";
        if (!practised) return; // nothing to show before the reader has practised
        var list = h("ul", { class: "guide-bars" });
        track.stages.forEach(function (stage) {
          var reviewed = 0;
          var known = 0;
          stage.questions.forEach(function (q) {
            if (state.reviewed[q] || state.cards[q]) reviewed += 1;
            if (guide.srs.isWellKnown(state.cards[q])) known += 1;
          });
          var nameId = dom.uid("stage");
          var countId = dom.uid("count");
          list.appendChild(h("li", { class: "guide-bar" }, [
            h("span", { class: "guide-bar__name", id: nameId, text: stage.title }),
            h("progress", { max: stage.questions.length, value: reviewed,
              "aria-labelledby": nameId + " " + countId, "data-stage": stage.id,
              text: reviewed + "/" + stage.questions.length }),
            h("span", { class: "guide-bar__count", id: countId,
              text: reviewed + " of " + stage.questions.length + " practised" +
                (known ? ", " + known + " well known" : "") })
          ]));
        });
        dom.append(root, [h("h2", { id: "your-progress", text: "Your progress on this track" }),
          list]);
      }
      store.subscribe(root, render);
      render(store.get());
    }, function (error) {
      if (window.console) console.warn("track progress:", error.message);
    });
  }

  guide.widgets["track-plan"] = trackPlan;
  guide.widgets["today-plan"] = todayPlan;
  guide.widgets["track-progress"] = trackProgress;
})();
