// The baseline: what a developer would write by hand without Kindred. Same
// requests, same bar, no validation, no engine.
import { signIn } from './sign_in.js';

const token = await signIn();
const headers = { Authorization: `Bearer ${token}` };
const [program, member] = await Promise.all(['/v1/program', '/v1/member']
  .map((path) => fetch(path, { headers }).then((response) => response.json())));

const index = program.tiers.findIndex((tier) => tier.id === member.tierId);
const current = program.tiers[index];
const next = program.tiers[index + 1];
const card = document.querySelector('#card');
const name = document.createElement('p');
name.textContent = current.name;
const bar = document.createElement('div');
bar.className = 'bar';
bar.setAttribute('role', 'progressbar');
const fill = document.createElement('div');
fill.className = 'fill';
const fraction = next ? (member.qualifyingPoints - current.threshold) / (next.threshold - current.threshold) : 1;
fill.style.transform = `scaleX(${Math.min(1, Math.max(0, fraction))})`;
bar.append(fill);
const nudge = document.createElement('p');
nudge.textContent = next ? `${next.threshold - member.qualifyingPoints} ${program.currency.plural} to ${next.name}` : 'Top tier';
card.append(name, bar, nudge);
requestAnimationFrame(() => { window.__firstRender = performance.now(); });
