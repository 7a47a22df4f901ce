// The question bank as the build exports it (api/v1/questions.json, see docs/data.md),
// fetched once per visit and shared by every widget. Loading it also drops from the
// stored progress any question that has left the bank.
(function () {
  "use strict";
  var guide = window.guide;
  var SCHEMA_VERSION = 1;
  var url = new URL("api/v1/questions.json", guide.root).href;
  var pending = null;

  function index(data) {
    var bank = {
      questions: data.questions,
      topics: data.topics,
      // Fields added within v1: older exports have no tracks.
      tracks: data.tracks || [],
      studyTime: data.study_time || { reading_words_per_minute: 150, practice_minutes: 5,
        review_minutes: 2 },
      byId: {},
      topicById: {},
      trackById: {},
      tags: [],
      ids: []
    };
    var tags = {};
    data.questions.forEach(function (question) {
      bank.byId[question.id] = question;
      bank.ids.push(question.id);
      question.tags.forEach(function (tag) { tags[tag] = true; });
    });
    data.topics.forEach(function (topic) { bank.topicById[topic.id] = topic; });
    bank.tracks.forEach(function (track) { bank.trackById[track.id] = track; });
    bank.tags = Object.keys(tags).sort();
    return bank;
  }

  function load() {
    if (!pending) {
      pending = fetch(url).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status + " for " + url);
        return response.json();
      }).then(function (data) {
        if (data.schema_version !== SCHEMA_VERSION) {
          throw new Error("questions.json has schema version " + data.schema_version);
        }
        var bank = index(data);
        guide.store.prune(bank.ids);
        return bank;
      });
      // A failed load is tried again by the next widget rather than cached.
      pending.catch(function () { pending = null; });
    }
    return pending;
  }

  function matches(question, filters) {
    return (!filters.section || question.section === filters.section) &&
      (!filters.topic || question.topic.id === filters.topic) &&
      (!filters.difficulty || question.difficulty === filters.difficulty) &&
      (!filters.tag || question.tags.indexOf(filters.tag) >= 0);
  }

  // The track's question ids in study order (core, strong, stand-out).
  function trackIds(track) {
    var ids = [];
    track.stages.forEach(function (stage) { ids = ids.concat(stage.questions); });
    return ids;
  }

  // The questions the filters choose: in the bank's order, or in the track's study order
  // when a track is chosen (so that new flashcards come in the order to study them).
  function select(bank, filters) {
    var track = filters.track && bank.trackById[filters.track];
    var pool = track
      ? trackIds(track).map(function (id) { return bank.byId[id]; }).filter(Boolean)
      : bank.questions;
    return pool.filter(function (question) { return matches(question, filters); });
  }

  // What a widget shows when the bank cannot be loaded.
  function failed(root, error) {
    root.textContent = "";
    root.appendChild(guide.dom.h("p", {
      class: "guide-notice", role: "alert",
      text: "The questions could not be loaded, so this tool cannot start. " +
        "Reload the page to try again."
    }));
    if (window.console) console.warn("question bank:", error && error.message);
  }

  // A widget that needs the bank: a loading line until it arrives, then build(root, bank),
  // unless instant navigation has taken the widget off the page meanwhile.
  function mount(root, build) {
    root.textContent = "";
    root.appendChild(guide.dom.h("p", { text: "Loading the questions\u2026" }));
    load().then(function (bank) {
      if (root.isConnected) build(root, bank);
    }, function (error) {
      failed(root, error);
    });
  }

  guide.bank = {
    load: load, mount: mount, select: select, trackIds: trackIds, failed: failed, url: url
  };
})();
