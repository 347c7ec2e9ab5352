// Loaded synchronously at the top of <body> so styles for JavaScript-enhanced components apply
// before first paint. An external file rather than an inline script keeps the CSP strict.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
