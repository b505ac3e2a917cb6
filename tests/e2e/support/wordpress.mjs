// A real WordPress for the end-to-end tests: Debian's WordPress 6.1 with MariaDB and PHP's own
// server, on loopback, started for a test file and stopped after it (scripts/setup.sh installs
// the packages). As ../shared's recipe for a loopback oEmbed provider does: one must-use
// plugin lets WordPress fetch from 127.0.0.1 at the provider's port, which it refuses by
// default; nothing else is changed from the stock install.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { scratchDir } from './paths.mjs';

/** Where Debian installs WordPress. */
const WORDPRESS = '/usr/share/wordpress';

/** Why WordPress cannot run here, or null when it can. */
export function wordpressMissing() {
  for (const [what, found] of [
    ['WordPress (/usr/share/wordpress)', existsSync(join(WORDPRESS, 'wp-load.php'))],
    ['php', spawnSync('php', ['--version']).status === 0],
    ['MariaDB (mariadbd)', spawnSync('mariadbd', ['--version']).status === 0],
  ]) {
    if (!found) return `${what} is not installed: scripts/setup.sh installs it`;
  }
  if (process.getuid?.() !== 0) return "Debian's WordPress reads its configuration from /etc/wordpress, which only root can write";
  return null;
}

/** A free port on 127.0.0.1. */
function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** Waits until `check()` is true, polling; fails naming `what` after `ms`. */
async function until(what, check, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`WordPress: timed out waiting until ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Starts WordPress with one post per entry of `posts` ({ name: content }), written by a user
 * with the Author role (who may not post scripts or frames), allowed to fetch oEmbed from
 * 127.0.0.1:`providerPort`. Resolves to { url, posts: { name: address }, stop }. */
export async function startWordPress({ providerPort, posts }) {
  const dir = scratchDir('wordpress');
  const children = [];
  const stop = async () => {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode !== null ? null : new Promise((done) => child.once('exit', done)))));
  };
  try {
    mkdirSync(join(dir, 'db'));
    mkdirSync(join(dir, 'mu'));
    const socket = join(dir, 'mysqld.sock');
    const made = spawnSync('mariadb-install-db', ['--no-defaults', `--datadir=${join(dir, 'db')}`, '--user=root', '--auth-root-authentication-method=socket', '--skip-test-db'], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`mariadb-install-db failed: ${made.stderr}`);
    const database = spawn('mariadbd', ['--no-defaults', `--datadir=${join(dir, 'db')}`, `--socket=${socket}`, '--skip-networking', '--user=root', '--innodb-buffer-pool-size=64M'], { stdio: 'ignore' });
    children.push(database);
    await until('MariaDB answers', () => spawnSync('mariadb-admin', ['--no-defaults', '-S', socket, '-uroot', 'ping']).status === 0);
    const sql = spawnSync('mariadb', ['--no-defaults', '-S', socket, '-uroot', '-e',
      "CREATE DATABASE wordpress; CREATE USER wordpress@localhost IDENTIFIED BY 'wp'; GRANT ALL ON wordpress.* TO wordpress@localhost;"], { encoding: 'utf8' });
    if (sql.status !== 0) throw new Error(`MariaDB: ${sql.stderr}`);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // Debian's WordPress picks /etc/wordpress/config-<host, without the port>.php.
    mkdirSync('/etc/wordpress', { recursive: true });
    writeFileSync('/etc/wordpress/config-127.0.0.1.php', `<?php
define('DB_NAME', 'wordpress'); define('DB_USER', 'wordpress'); define('DB_PASSWORD', 'wp');
define('DB_HOST', 'localhost:${socket}');
define('WP_HOME', '${url}'); define('WP_SITEURL', '${url}');
define('WPMU_PLUGIN_DIR', '${join(dir, 'mu')}'); define('DISABLE_WP_CRON', true);
`);
    writeFileSync(join(dir, 'mu', 'allow-loopback-oembed.php'), `<?php
add_filter('http_allowed_safe_ports', function ($ports) { $ports[] = ${providerPort}; return $ports; });
add_filter('http_request_host_is_external', function ($external, $host) {
    return $external || in_array($host, ['127.0.0.1', 'localhost'], true); }, 10, 2);
`);
    writeFileSync(join(dir, 'setup.php'), `<?php
$_SERVER['HTTP_HOST'] = '127.0.0.1:${port}'; define('WP_INSTALLING', true);
require '${WORDPRESS}/wp-load.php'; require_once ABSPATH . 'wp-admin/includes/upgrade.php';
add_filter('pre_wp_mail', '__return_false');
wp_install('Newsroom', 'admin', 'admin@example.com', true, '', 'adminpass');
$author = wp_insert_user(['user_login' => 'author1', 'user_pass' => 'x', 'user_email' => 'a@example.com', 'role' => 'author']);
wp_set_current_user($author);
$ids = [];
foreach (json_decode($argv[1], true) as $name => $content) {
    $ids[$name] = wp_insert_post(['post_title' => $name, 'post_status' => 'publish', 'post_author' => $author, 'post_content' => $content]);
}
echo json_encode($ids);
`);
    const setup = spawnSync('php', [join(dir, 'setup.php'), JSON.stringify(posts)], { encoding: 'utf8' });
    if (setup.status !== 0) throw new Error(`WordPress setup failed: ${setup.stderr}${setup.stdout}`);
    const ids = JSON.parse(setup.stdout.trim().split('\n').pop());
    const server = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', WORDPRESS], { stdio: 'ignore' });
    children.push(server);
    await until('WordPress answers', async () => (await fetch(`${url}/`).catch(() => null))?.ok === true);
    return { url, posts: Object.fromEntries(Object.entries(ids).map(([name, id]) => [name, `${url}/?p=${id}`])), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
