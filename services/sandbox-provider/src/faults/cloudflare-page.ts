/** The page Cloudflare serves while it challenges a client: HTML where JSON was expected. */
export const CLOUDFLARE_CHALLENGE_HTML =
  '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>' +
  '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head>' +
  '<body><div class="main-wrapper"><h1>Checking your browser before accessing the site.</h1>' +
  '<p>This process is automatic. Your browser will redirect to your requested content shortly.</p>' +
  '</div></body></html>';
