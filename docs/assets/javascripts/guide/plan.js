// The study plan to an interview date: a pure function of the stored progress, a track,
// the interview date, the minutes a day and today. No DOM here; tracks.js shows the plan,
// and tests/js/plan.test.mjs checks its promises.
//
// The days of the plan are today up to the day before the interview (nothing is ever
// scheduled on or after the date). Each day has the minutes the reader gives it. What the
// plan counts, with the numbers of the practice export (study_time):
//   - starting a question costs its study minutes (reading it, then practising it);
//   - a review (one flashcard) costs review minutes.
// Cards come back by the Leitner boxes of srs.js (1, 3, 7, 14, 30, 60 days), assuming the
// reader grades each review Good: a question started on day s returns on s + 3 and
// s + 3 + 7, and so on. A question has "come back twice" once it reaches box 4 (two
// successful reviews after its first study; a card graded Easy skips a box).
//
// The rule, in order:
//   1. Reviews of cards already started are placed first, where the schedule puts them
//      (overdue ones today). Work already done today counts against today's minutes.
//   2. Core questions not yet started, in track order, each on the earliest day with room
//      for it and for the reviews it will bring (never before the question above it).
//      A core question is never left out while any day has room for it.
//   3. If every core question will come back twice before the date, the strong and then
//      the stand-out questions follow the same way, each only if it still comes back at
//      least once; the first one that does not fit ends the plan there, so the plan always
//      covers the track from the top and what it leaves out is the end of the list.
//   4. Otherwise the time is too short: the plan keeps the core only, starts it as early as
//      it can, and says which core questions will not come back twice, how many minutes a
//      day or which interview date would be enough, and that strong and stand-out are
//      dropped.
// The plan is recomputed from the progress on every visit, so a card graded Again comes
// back sooner (and costs more reviews), a card graded Easy later, and a skipped day simply
// moves the questions it held to the days that are left.
(function () {
  "use strict";
  var guide = window.guide;
  var DAY_MS = 86400000;
  var KNOWN_BOX = 4; // reached after two successful reviews of a question started Good
  var START_BOX = 2; // a new question graded Good
  var MAX_EXTRA_DAYS = 730; // how far the "which date would be enough" search looks

  // Local calendar day of a time, as a whole number of days (DST-proof: the calendar date
  // is read in local time and counted in UTC).
  function dayNumber(ms) {
    var d = new Date(ms);
    return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY_MS);
  }

  function parseDate(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    if (!m) return null;
    var utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    var check = new Date(utc);
    if (check.getUTCMonth() !== Number(m[2]) - 1 || check.getUTCDate() !== Number(m[3])) {
      return null;
    }
    return Math.round(utc / DAY_MS);
  }

  function dateOf(day) {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }

  // The day numbers on which a card in `box`, next due on day index `due`, comes back
  // before day index `end`, if every review is graded Good; and the box it reaches.
  function returns(box, due, end, intervals) {
    var days = [];
    var at = due;
    while (at < end) {
      days.push(at);
      box = Math.min(intervals.length, box + 1);
      at += intervals[box - 1];
    }
    return { days: days, box: box };
  }

  function stagesOf(track) {
    return track.stages.map(function (stage) {
      return { id: stage.id, questions: stage.questions.slice() };
    });
  }

  // One pass of the rule for `end` days of `perDay` minutes: the days, and what happens
  // to each question of the track.
  function schedule(input, end, perDay) {
    var intervals = input.intervals;
    var review = input.reviewMinutes;
    var today = dayNumber(input.now);
    var days = [];
    for (var i = 0; i < end; i += 1) {
      days.push({ index: i, date: dateOf(today + i), start: [], review: [],
        doneStart: [], doneReview: [], used: 0, fresh: 0 });
    }
    var outcome = {}; // id -> {stage, state: started|planned|left-out, day, box, returns}
    var stages = stagesOf(input.track);

    // 1. Cards already started: their reviews, and today's work.
    stages.forEach(function (stage) {
      stage.questions.forEach(function (id) {
        var card = input.cards[id];
        if (!card || input.minutes[id] === undefined) return;
        var first = days[0];
        if (card.first !== undefined && dayNumber(card.first) === today) {
          first.doneStart.push(id);
          first.used += input.minutes[id];
          first.fresh += 1;
        } else if (dayNumber(card.last) === today) {
          first.doneReview.push(id);
          first.used += review;
        }
        var due = card.due <= input.now ? 0 : dayNumber(card.due) - today;
        var back = returns(card.box, Math.max(0, due), end, intervals);
        back.days.forEach(function (d) {
          days[d].review.push(id);
          days[d].used += review;
        });
        outcome[id] = { stage: stage.id, state: "started", day: null, box: back.box,
          returns: back.days.length };
      });
    });

    // Does a question of `cost` minutes started on day `s` fit, with its reviews?
    function fits(s, cost, back, loose) {
      var day = days[s];
      var room = perDay - day.used;
      // A question longer than a whole day gets a day of its own.
      if (!(room >= cost || (cost > perDay && day.fresh === 0 && room > 0))) return false;
      return loose || back.days.every(function (d) { return perDay - days[d].used >= review; });
    }

    // The earliest day from `from` on which question `id` fits and still comes back at
    // least `minReturns` times; with `loose`, its reviews may go over their days' minutes.
    function place(id, stage, from, minReturns, loose) {
      var cost = input.minutes[id];
      for (var s = from; s < end; s += 1) {
        var back = returns(START_BOX, s + intervals[START_BOX - 1], end, intervals);
        if (back.days.length < minReturns) return null; // later days only bring fewer
        if (fits(s, cost, back, loose)) {
          days[s].start.push(id);
          days[s].used += cost;
          days[s].fresh += 1;
          back.days.forEach(function (d) {
            days[d].review.push(id);
            days[d].used += review;
          });
          outcome[id] = { stage: stage, state: "planned", day: s, box: back.box,
            returns: back.days.length };
          return s;
        }
      }
      return null;
    }

    // 2. The core, as early as it fits.
    var cursor = 0;
    var core = stages[0];
    core.questions.forEach(function (id) {
      if (outcome[id] || input.minutes[id] === undefined) return;
      // Room for its reviews too if possible; if no day has that, room for the question
      // alone: a core question is never left out while a day has room for it.
      var s = place(id, core.id, cursor, 0, false);
      if (s === null) s = place(id, core.id, cursor, 0, true);
      if (s === null) {
        outcome[id] = { stage: core.id, state: "left-out", day: null, box: 1, returns: 0 };
      } else {
        cursor = s;
      }
    });
    var coreShort = core.questions.filter(function (id) {
      return outcome[id] && outcome[id].box < KNOWN_BOX;
    });

    // 3. Strong and stand-out, while everything fits, only if the core is safe.
    var stopped = coreShort.length > 0;
    stages.slice(1).forEach(function (stage) {
      stage.questions.forEach(function (id) {
        if (outcome[id] || input.minutes[id] === undefined) return;
        var s = stopped ? null : place(id, stage.id, cursor, 1, false);
        if (s === null) {
          stopped = true;
          outcome[id] = { stage: stage.id, state: "left-out", day: null, box: 1, returns: 0 };
        } else {
          cursor = s;
        }
      });
    });
    return { days: days, outcome: outcome, coreShort: coreShort, stages: stages };
  }

  function coreSafe(input, end, perDay) {
    return schedule(input, end, perDay).coreShort.length === 0;
  }

  // The smallest value in [low, high] for which test() holds, or null (test is taken to be
  // monotone: more minutes, or more days, never make the core less safe).
  function smallest(low, high, test) {
    if (low > high || !test(high)) return null;
    while (low < high) {
      var mid = Math.floor((low + high) / 2);
      if (test(mid)) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  function defaults(input) {
    var intervals = input.intervals || (guide.srs && guide.srs.INTERVAL_DAYS) ||
      [1, 3, 7, 14, 30, 60];
    return {
      cards: input.cards || {},
      track: input.track,
      minutes: input.minutes,
      reviewMinutes: input.reviewMinutes === undefined ? 2 : input.reviewMinutes,
      intervals: intervals,
      date: input.date,
      perDay: input.perDay,
      now: input.now
    };
  }

  // How many days from today (the interview day not counted) the core needs at least, with
  // no limit on minutes: start today, come back twice, and the interview the day after.
  function minimumDays(intervals) {
    return intervals[START_BOX - 1] + intervals[START_BOX] + 1;
  }

  // The plan. `input`: {cards, track: {id, stages: [{id, questions}]}, minutes: {id: study
  // minutes}, reviewMinutes, intervals, date: "YYYY-MM-DD", perDay, now: ms}. Returns
  // {status: "ok" | "short" | "past" | "invalid", days: [{date, start, review, doneStart,
  // doneReview, minutes}], todayList, stages: {id: {started, planned, leftOut, short}},
  // coreShort, leftOut, advice, ...}.
  function compute(raw) {
    var input = defaults(raw);
    var today = dayNumber(input.now);
    var target = parseDate(input.date);
    var plan = { track: input.track.id, date: input.date, perDay: input.perDay,
      todayDate: dateOf(today), days: [], todayList: null, stages: {}, outcome: {},
      coreStage: input.track.stages[0].id, coreShort: [], leftOut: [], advice: null,
      minimumDays: minimumDays(input.intervals) };
    if (target === null) {
      plan.status = "invalid";
      return plan;
    }
    var end = target - today; // days to plan: today .. the day before the interview
    plan.daysLeft = Math.max(0, end);
    plan.lastDay = end > 0 ? dateOf(target - 1) : null;
    if (end <= 0) {
      plan.status = "past";
      return plan;
    }
    var run = schedule(input, end, input.perDay);
    run.stages.forEach(function (stage) {
      var mine = plan.stages[stage.id] = { started: [], planned: [], leftOut: [], short: [] };
      stage.questions.forEach(function (id) {
        var o = run.outcome[id];
        if (!o) return;
        if (o.state === "started") mine.started.push(id);
        else if (o.state === "planned") mine.planned.push(id);
        else mine.leftOut.push(id);
        if (o.state !== "left-out" && o.box < KNOWN_BOX) mine.short.push(id);
      });
      plan.leftOut = plan.leftOut.concat(mine.leftOut);
    });
    plan.status = run.coreShort.length ? "short" : "ok";
    plan.days = run.days.map(function (day) {
      return { index: day.index, date: day.date, start: day.start, review: day.review,
        doneStart: day.doneStart, doneReview: day.doneReview, minutes: day.used };
    });
    plan.todayList = plan.days[0];
    plan.outcome = run.outcome;
    plan.coreShort = run.coreShort;
    if (plan.status === "short") {
      var days = smallest(end + 1, end + MAX_EXTRA_DAYS, function (n) {
        return coreSafe(input, n, input.perDay);
      });
      plan.advice = {
        // More minutes a day for the same date, or the same minutes and a later date.
        minutes: smallest(input.perDay + 1, 1440, function (m) {
          return coreSafe(input, end, m);
        }),
        date: days === null ? null : dateOf(today + days)
      };
    }
    return plan;
  }

  guide.plan = {
    DAY_MS: DAY_MS,
    KNOWN_BOX: KNOWN_BOX,
    compute: compute,
    minimumDays: minimumDays,
    dayNumber: dayNumber,
    parseDate: parseDate,
    dateOf: dateOf
  };
})();
