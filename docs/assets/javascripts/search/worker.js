// The site's search worker: Material's own, with the reader's query rewritten first
// (query.js says how and why). The build points Material at this file and names Material's
// worker in the `material` parameter (scripts/search/worker_config.py). Material's worker
// reads only `data` of each message, so each message is handed on as `{ data }`.
(function () {
  "use strict";
  var SETUP = 0, QUERY = 2; // Material's SearchMessageType
  importScripts("query.js");
  var material = new URL(self.location.href).searchParams.get("material");
  var vocabulary = null;

  function rewritten(message) {
    if (message && message.type === SETUP) {
      vocabulary = new self.guideSearch.Vocabulary(message.data.docs,
                                                   message.data.config.separator);
    } else if (message && message.type === QUERY && vocabulary) {
      try {
        return { type: QUERY, data: self.guideSearch.rewrite(message.data, vocabulary) };
      } catch (err) {
        console.warn("search: query left as typed", err); // never lose the search itself
      }
    }
    return message;
  }

  var listen = self.addEventListener.bind(self);
  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return listen(type, listener, options);
    return listen(type, function (event) {
      return listener({ data: rewritten(event.data) });
    }, options);
  };
  importScripts(new URL(material, self.location.href).href);
})();
