// Offline support: network first (so a new build is always taken when online), the cache when not.
const CACHE = 'hutong-v5';
const CORE = ['./', './index.html', './boot.js', './hutong.js', './hutong_bg.wasm', './main.css', './parts.css', './print.css', './icon.svg',
  './manifest.webmanifest', './icon-192.png', './icon-512.png', './preview.png', './texts.bin'];
// The parts loaded on demand (the split wasm chunks and their loader): written here by
// scripts/split.sh in the release build, so that they work offline too (they are asked for right
// after the first screen, before this worker controls the page).
const PARTS = [];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll([...CORE, ...PARTS])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(req)
      .then((res) => {
        const copy = res.clone();
        caches.open(CACHE).then((c) => c.put(req, copy));
        return res;
      })
      .catch(() => caches.match(req, { ignoreSearch: true }).then((hit) => hit || caches.match('./index.html'))),
  );
});
