// Loads the site's practice scripts (plain browser scripts, one job per file) into a fresh
// context with just enough of a browser around them: window, localStorage, events.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const GUIDE = new URL("../../docs/assets/javascripts/guide/", import.meta.url);

export class MemoryStorage {
  constructor(items = {}) { this.items = { ...items }; }
  getItem(key) { return Object.hasOwn(this.items, key) ? this.items[key] : null; }
  setItem(key, value) { this.items[key] = String(value); }
  removeItem(key) { delete this.items[key]; }
}

// A context holding `window.guide` after running each named script, in order.
export function load(names, { storage = new MemoryStorage() } = {}) {
  const listeners = {};
  const window = {
    localStorage: storage,
    addEventListener(type, fn) { (listeners[type] ||= []).push(fn); },
    guide: { root: new URL("https://example.org/guide/") },
  };
  const context = vm.createContext({ window, URL, Date, JSON, Math, Object, Array, Error });
  for (const name of names) {
    const file = fileURLToPath(new URL(`${name}.js`, GUIDE));
    vm.runInContext(readFileSync(file, "utf8"), context, { filename: file, timeout: 2000 });
  }
  return { guide: window.guide, storage, listeners };
}
