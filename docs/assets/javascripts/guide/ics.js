// A study plan as an iCalendar file (RFC 5545), made in the browser: one all-day event a
// day that has something to do, with that day's questions. Pure functions, no DOM;
// tests/js/ics.test.mjs checks the format.
//
// What RFC 5545 asks and this file does: every line ends with CRLF (3.1); a line longer
// than 75 octets is folded, the rest going on lines that start with one space, without
// splitting a UTF-8 character (3.1); TEXT values escape backslash, semicolon, comma and
// newline (3.3.11); an all-day event has DTSTART;VALUE=DATE and an exclusive DTEND (3.6.1);
// every event has a UID and a DTSTAMP in UTC (3.6.1, 3.8.7.2). The same plan downloaded
// again gives the same UIDs, so a calendar updates the days instead of adding copies.
(function () {
  "use strict";
  var guide = window.guide;
  var CRLF = "\r\n";
  var LIMIT = 75; // octets per line, CRLF not counted

  function octets(codePoint) {
    return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  }

  // One content line, folded into lines of at most 75 octets.
  function fold(line) {
    var out = [];
    var current = "";
    var size = 0;
    for (var ch of line) {
      var n = octets(ch.codePointAt(0));
      if (size + n > LIMIT) {
        out.push(current);
        current = " ";
        size = 1;
      }
      current += ch;
      size += n;
    }
    out.push(current);
    return out.join(CRLF);
  }

  function text(value) {
    return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n");
  }

  function compactDate(date) { // "2027-01-15" -> "20270115"
    return date.replace(/-/g, "");
  }

  function nextDate(date) {
    var day = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1,
      Number(date.slice(8, 10))) + 86400000;
    return new Date(day).toISOString().slice(0, 10);
  }

  function stamp(ms) { // UTC, "20261201T153000Z"
    return new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  }

  // events: [{date: "YYYY-MM-DD", uid, summary, description, url}]; options: {now, name}.
  function calendar(events, options) {
    var lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//ML Interview Study Guide//Study plan//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH"
    ];
    if (options.name) lines.push("X-WR-CALNAME:" + text(options.name));
    var dtstamp = stamp(options.now);
    events.forEach(function (event) {
      lines.push(
        "BEGIN:VEVENT",
        "UID:" + event.uid,
        "DTSTAMP:" + dtstamp,
        "DTSTART;VALUE=DATE:" + compactDate(event.date),
        "DTEND;VALUE=DATE:" + compactDate(nextDate(event.date)),
        "SUMMARY:" + text(event.summary),
        "DESCRIPTION:" + text(event.description)
      );
      if (event.url) lines.push("URL:" + event.url);
      lines.push("TRANSP:TRANSPARENT", "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join(CRLF) + CRLF;
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many || one + "s");
  }

  // The events of a plan (plan.js): one per day with questions to start or review.
  // info: {trackTitle, trackUrl, host, titleOf(id), urlOf(id)}.
  function planEvents(plan, info) {
    var events = [];
    plan.days.forEach(function (day) {
      var start = day.start;
      var review = day.review;
      if (!start.length && !review.length) return;
      var parts = [];
      if (start.length) parts.push(plural(start.length, "new question"));
      if (review.length) parts.push(plural(review.length, "review"));
      var lines = [];
      if (start.length) {
        lines.push("Start (in this order):");
        start.forEach(function (id) { lines.push("- " + info.titleOf(id) + " " + info.urlOf(id)); });
      }
      if (review.length) {
        if (lines.length) lines.push("");
        lines.push("Review (flashcards):");
        review.forEach(function (id) { lines.push("- " + info.titleOf(id)); });
      }
      lines.push("", "About " + day.minutes + " minutes. The plan adapts to your " +
        "progress: open the track's page to see it as it stands today.");
      events.push({
        date: day.date,
        uid: "study-plan-" + plan.track + "-" + compactDate(day.date) + "@" + info.host,
        summary: info.trackTitle + ": " + parts.join(", "),
        description: lines.join("\n"),
        url: info.trackUrl
      });
    });
    return events;
  }

  guide.ics = {
    CRLF: CRLF,
    fold: fold,
    text: text,
    calendar: calendar,
    planEvents: planEvents,
    // The whole file for a plan.
    fromPlan: function (plan, info, now) {
      return calendar(planEvents(plan, info), {
        now: now, name: info.trackTitle + " interview: study plan"
      });
    }
  };
})();
