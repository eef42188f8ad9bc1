/**
 * An empty content script that runs at document_start (issue #8, security).
 *
 * Chromium creates an extension's isolated world when the first of its content scripts runs in
 * a page, and only then gives that world its own `chrome` and `browser` globals. Created at
 * document_idle, the world takes `chrome` from the page's DOM instead when the page has an
 * element with id or name "chrome": `<form id="chrome"><input name="runtime"></form>` makes
 * `chrome.runtime` an <input>, and the main content script (which reaches the runtime through
 * `chrome.runtime`) never starts. Running this at document_start, before the page has
 * any elements, creates the world first; the globals are then the world's own and no element
 * can shadow them. Tested by tests/e2e/hostile.spec.ts.
 */
export {};
