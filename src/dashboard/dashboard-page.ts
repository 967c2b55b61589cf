/**
 * The dashboard's HTML shell. The demo key is written into the page only when the caller passes
 * one (the server does so only on loopback), and never into the URL.
 */
export function dashboardPage(options: { demoKey?: string }): string {
  const keyMeta = options.demoKey ? `\n<meta name="dialgraph-demo-key" content="${escapeAttribute(options.demoKey)}">` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">${keyMeta}
<title>dialgraph dashboard</title>
<link rel="stylesheet" href="/dashboard/app.css">
<script type="module" src="/dashboard/app.js"></script>
</head>
<body>
<div id="app"><p style="padding:1rem">Loading the dashboard…</p></div>
<noscript>The dashboard needs JavaScript. The API itself is at <a href="/graphql">/graphql</a>.</noscript>
</body>
</html>
`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
