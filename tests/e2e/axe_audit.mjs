// axe-core for the browser suites: its source to inject before a page
// loads, and the WCAG 2.1 AA violations it finds in the widget (axe reaches
// into the shadow root by itself).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The violations axe finds in the widget, as "rule: target summary" lines. */
export async function axeViolations(page) {
  return page.evaluate(async () => {
    const results = await window.axe.run('kindred-widget', {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return results.violations.flatMap((violation) => violation.nodes.map((node) =>
      `${violation.id}: ${JSON.stringify(node.target)} ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`));
  });
}
