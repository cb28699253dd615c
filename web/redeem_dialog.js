// The redemption dialog: confirm, then pending, then the code (with a copy
// button) or the reason it did not happen. A native modal <dialog> traps
// focus and closes on Escape; focus returns to where the shopper was.

import { h } from './dom.js';

/**
 * @param {(key: string, params?: object) => string} t
 * @param {{onConfirm: () => void}} actions
 */
export function createRedeemDialog(t, { onConfirm }) {
  const heading = h('h3', { class: 'dialog-title', id: 'kindred-redeem-title' });
  const description = h('p', { class: 'dialog-text' });
  const summary = h('p', { class: 'dialog-summary' });
  const status = h('p', { class: 'dialog-status', role: 'status' });
  const code = h('output', { class: 'voucher', part: 'voucher', hidden: true });
  const copy = h('button', { type: 'button', class: 'secondary', hidden: true }, t('redeem.copy'));
  const cancel = h('button', { type: 'button', class: 'secondary' }, t('redeem.cancel'));
  const confirm = h('button', { type: 'button', class: 'primary', part: 'confirm' });
  const dialog = h('dialog', { class: 'dialog', part: 'dialog', 'aria-labelledby': 'kindred-redeem-title' },
    heading, description, summary, code, status, h('div', { class: 'dialog-actions' }, copy, cancel, confirm));
  let returnFocus = null;
  let rewardName = '';
  let onPrimary = null;

  confirm.addEventListener('click', () => onPrimary?.());
  cancel.addEventListener('click', () => dialog.close());
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.textContent);
      copy.textContent = t('redeem.copied');
    } catch {
      // No clipboard permission (some webviews): select the code for a manual copy.
      getSelection()?.selectAllChildren(code);
    }
  });
  // The list may have been redrawn meanwhile (a new balance changes it), so
  // the caller finds the element to go back to when the dialog closes.
  dialog.addEventListener('close', () => returnFocus?.()?.focus());

  function buttons({ primary, primaryAction, showCancel = true, busy = false }) {
    confirm.textContent = primary;
    confirm.disabled = busy;
    cancel.hidden = !showCancel;
    cancel.disabled = busy;
    onPrimary = primaryAction;
  }

  return {
    root: dialog,
    /**
     * Asks to confirm; `item` is a catalog item, `balance` the member's points
     * now, `focusTarget` finds where focus goes back to on close.
     */
    open(item, balance, focusTarget) {
      returnFocus = focusTarget;
      rewardName = item.name;
      heading.textContent = item.name;
      description.textContent = item.description;
      description.hidden = !item.description;
      summary.textContent = t('redeem.balanceAfter', { points: Math.max(0, balance - item.cost) });
      summary.hidden = false;
      status.textContent = '';
      code.hidden = true;
      copy.hidden = true;
      copy.textContent = t('redeem.copy');
      buttons({ primary: t('redeem.confirm', { cost: item.cost }), primaryAction: onConfirm });
      if (!dialog.open) dialog.showModal();
      confirm.focus();
    },
    pending() {
      status.textContent = t('redeem.pending');
      buttons({ primary: t('redeem.pending'), primaryAction: null, busy: true });
    },
    succeeded(view) {
      heading.textContent = t('redeem.success');
      description.textContent = rewardName;
      description.hidden = false;
      summary.textContent = t('redeem.newBalance', { points: view.balance });
      code.textContent = view.code;
      code.hidden = false;
      copy.hidden = false;
      status.textContent = t('redeem.successStatus', { code: view.code });
      buttons({ primary: t('redeem.done'), primaryAction: () => dialog.close(), showCancel: false });
      copy.focus();
    },
    /** @param {string} message  why; @param {boolean} canRetry  the same intent may be sent again */
    failed(message, canRetry) {
      status.textContent = message;
      summary.hidden = true;  // the projected balance no longer holds
      buttons(canRetry
        ? { primary: t('redeem.retry'), primaryAction: onConfirm }
        : { primary: t('redeem.close'), primaryAction: () => dialog.close(), showCancel: false });
      confirm.focus();
    },
    get isOpen() { return dialog.open; },
  };
}
