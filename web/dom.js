// A tiny element builder. Text goes in as text nodes: nothing here ever
// parses HTML, so backend strings cannot become markup.

/**
 * h('p', { class: 'nudge', part: 'nudge' }, 'text', childElement)
 * @param {string} tag
 * @param {Record<string, string|boolean>} [attributes]
 * @param {...(Node|string)} children
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (value !== false && value != null) element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}
