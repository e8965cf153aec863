// Sets <html lang> from the remembered language before the first paint; React keeps it in sync
// after. A file rather than an inline script, so the Content-Security-Policy needs no exception.
try {
  const l = localStorage.getItem("pobratym.locale");
  if (l === "en" || l === "sv" || l === "nb" || l === "uk") document.documentElement.lang = l;
} catch {}
