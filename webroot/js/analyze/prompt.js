// Turns a GET /api/snapshot answer into the text sent to the LLM:
//   {service, window_s, scope: {method, route} | {prefix} | {}, overview, routes: [...],
//    slow_sql: [{sql, count, max_ms, avg_ms, routes}], errors: [{…, stack}],
//    outgoing: [{host, calls, errors, error_rate, avg_ms, max_ms, p95_ms}]}

import * as fmt from '../format.js';

const MAX_ROUTES = 30;
const MAX_ERRORS = 5;
const MAX_STACK_LINES = 25;
const MAX_SQL = 10;

export const SYSTEM_PROMPT =
  'You are a senior backend engineer reviewing live metrics of a Java HTTP service. ' +
  'Be concrete: name the route, the query or the dependency you suspect, and why.';

export function buildPrompt(snapshot, title) {
  const lines = [];
  const w = snapshot.window_s;
  lines.push(`Analyze ${title} of service "${snapshot.service || 'all services'}" ` +
    `over the last ${w >= 60 ? w / 60 + ' minutes' : w + ' seconds'}.`);
  lines.push('');
  lines.push('Reply with three sections:');
  lines.push('1. Likely root causes of the errors and the latency, with the evidence.');
  lines.push('2. Mitigations to apply now.');
  lines.push('3. Robustness improvements (timeouts, retries, queries, caching, limits).');
  lines.push('');

  const o = snapshot.overview || {};
  lines.push('## Overview');
  lines.push(`requests ${fmt.count(o.requests)}, ${fmt.rate(o.rps)} req/s, ` +
    `errors ${fmt.count(o.errors)} (${fmt.percent(o.error_rate)}), avg ${fmt.ms(o.avg_ms)}, ` +
    `p50 ${fmt.ms(o.p50_ms)}, p95 ${fmt.ms(o.p95_ms)}, p99 ${fmt.ms(o.p99_ms)}, ` +
    `max ${fmt.ms(o.max_ms)}, in-flight ${fmt.count(o.in_flight)}, ` +
    `CPU ${fmt.cpu(o.cpu_pct)}, memory ${fmt.bytes(o.rss_bytes)}`);
  lines.push('');

  const routes = (snapshot.routes || []).slice(0, MAX_ROUTES);
  lines.push('## Routes');
  if (!routes.length) lines.push('(no requests in the window)');
  for (const r of routes) lines.push(routeLine(r));
  lines.push('');

  const sql = (snapshot.slow_sql || []).slice(0, MAX_SQL);
  if (sql.length) {
    lines.push('## Slowest SQL statements (normalized)');
    for (const s of sql) {
      lines.push(`- ${s.sql}  [${fmt.count(s.count)} runs, avg ${fmt.ms(s.avg_ms)}, ` +
        `max ${fmt.ms(s.max_ms)}; ${(s.routes || []).join(', ')}]`);
    }
    lines.push('');
  }

  const errors = (snapshot.errors || []).slice(0, MAX_ERRORS);
  if (errors.length) {
    lines.push('## Errors (grouped)');
    for (const e of errors) {
      lines.push(`- ${e.type}: ${e.message || ''} [${fmt.count(e.count)} times; ` +
        `${(e.routes || []).join(', ')}]`);
      if (e.stack) {
        lines.push('```');
        lines.push(...e.stack.split('\n').slice(0, MAX_STACK_LINES));
        lines.push('```');
      }
    }
    lines.push('');
  }

  const outgoing = snapshot.outgoing || [];
  if (outgoing.length) {
    lines.push('## Outgoing HTTP calls');
    for (const c of outgoing) {
      lines.push(`- ${c.host}: ${fmt.count(c.calls)} calls, ` +
        `errors ${fmt.percent(c.error_rate)}, avg ${fmt.ms(c.avg_ms)}, ` +
        `p95 ${fmt.ms(c.p95_ms)}, max ${fmt.ms(c.max_ms)}`);
    }
  }
  return lines.join('\n');
}

function routeLine(r) {
  return `- ${r.method} ${r.route}: ${fmt.count(r.requests)} requests, ` +
    `${fmt.rate(r.rps)} req/s, errors ${fmt.count(r.errors)} ` +
    `(${fmt.percent(r.error_rate)}), avg ${fmt.ms(r.avg_ms)}, p95 ${fmt.ms(r.p95_ms)}, ` +
    `p99 ${fmt.ms(r.p99_ms)}, max ${fmt.ms(r.max_ms)}, ` +
    `DB ${fmt.num(r.db_q)} queries / ${fmt.ms(r.db_ms)} per request, ` +
    `outgoing ${fmt.num(r.out)} calls / ${fmt.ms(r.out_ms)} per request` +
    (r.file ? ` (defined in ${r.file}:${r.line})` : '');
}
