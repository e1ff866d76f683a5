// Starts the app. Kept as a file (not an inline script) so that the Content-Security-Policy can
// allow scripts from this site only. Paths are relative: the site works from any sub-path.
import init from './hutong.js';

// The theme the link names, before anything is drawn (src/theme.rs; `auto` is no attribute).
const theme = new URLSearchParams(location.search).get('theme');
if (['light', 'dark', 'contrast'].includes(theme)) document.documentElement.dataset.theme = theme;

init({ module_or_path: new URL('./hutong_bg.wasm', import.meta.url) }).catch((err) => {
  const p = document.createElement('p');
  p.className = 'boot-error';
  p.setAttribute('role', 'alert');
  p.textContent = '互通 Hutong could not start / 无法启动: ' + err;
  document.body.prepend(p);
});

// Offline after the first visit. Not on localhost, where a cached build would hide a new one.
if ('serviceWorker' in navigator && !['localhost', '127.0.0.1'].includes(location.hostname)) {
  navigator.serviceWorker.register(new URL('./sw.js', import.meta.url)).catch(() => {});
}
