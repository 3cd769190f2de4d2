// Tells the server which time zone this browser is in, so pages show times in the reader's zone (decision 034).
// Only the zone's name is sent, in a cookie the server checks against the time zone database.
(() => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone || !/^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+){0,2}$/.test(zone)) return;
  if (document.cookie.split('; ').includes('rf-zone=' + zone)) return;
  const secure = location.protocol === 'https:' ? '; secure' : '';
  document.cookie = 'rf-zone=' + zone + '; path=/; max-age=31536000; samesite=lax' + secure;
})();
